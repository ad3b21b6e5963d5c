/** The fixture server (tests/tools/fixtureServer.mjs), shared with `npm run bench`. */
export { type FixtureServer, startFixtureServer } from '../tools/fixtureServer.mjs';
