import type { ProgramId } from '@/lib/referral/types';

/**
 * Phrases of a program's own copied messages that say what the link in them is when the link alone cannot (the same
 * short link serves invites and product shares): a link of this program found in such a message is refused with
 * `reason`; `what` names a game. Matched literally, case ignored. Only the pasted-text reader needs them
 * (lib/referral/pastedText.ts), so they live apart from the programs, out of the background worker's bundle.
 */
export interface MessageKind {
  phrase: string;
  reason: 'product_link' | 'game_link' | 'affiliate_link';
  what?: string;
}

export const MESSAGE_KINDS: Partial<Record<ProgramId, readonly MessageKind[]>> = {
  aliexpress: [
    // The app's product share text: "I just found this on AliExpress: THB229.89 | <title>" + the a.aliexpress.com link
    // (github PhillyGilly/Rainwater-Harvesting-Management README.md, and other public READMEs).
    { phrase: 'I just found this on AliExpress', reason: 'product_link' },
    // Its Russian form: "Смотри, что есть на AliExpress! …" + an ali.click link (public GitHub test of a share parser).
    { phrase: 'Смотри, что есть на AliExpress', reason: 'product_link' },
    // Brazilian deal channels' "Link com moedas:" (coins link) lines, a.aliexpress.com links that pay the poster.
    { phrase: 'Link com moedas', reason: 'affiliate_link' },
  ],
  temu: [
    // The same /s/ and /a/ links carry Temu's games; their copied messages say which (all verbatim in public issues):
    // "…top-notch activity TEMU Free Gifts and help me get mine!" (google/XNNPACK issue 6260),
    { phrase: 'TEMU Free Gifts', reason: 'game_link', what: 'Free Gifts' },
    // "3. Cut to $0 to claim free gifts." (jekyll/jekyll issue 9694),
    { phrase: 'Cut to $0', reason: 'game_link', what: 'Free Gifts' },
    // "Sending you a New Year's card. …" and "Please take the Christmas gifts and accept my invitation. …
    // -Sure, only 2 steps to take the gift and help me get mine!" (TemuLinkHack/TemuHack issue 6).
    { phrase: 'take the gift and help me get mine', reason: 'game_link', what: 'Free Gifts' },
  ],
};
