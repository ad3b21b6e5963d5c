/**
 * The channel every RefShare message carries. The same value as CHANNEL in lib/messaging/protocol.ts, repeated
 * here because that module builds the whole command map at load time and the launcher must stay tiny
 * (tests/unit/launcher/messages.test.ts asserts the two are equal).
 */
export const CHANNEL = 'refshare/v1';
