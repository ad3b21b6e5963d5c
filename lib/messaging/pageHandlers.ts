import { browser } from 'wxt/browser';
import { addCoupons } from '@/lib/db/coupons';
import { saveLink } from '@/lib/db/links';
import { type Ctx, err, ok, type Result } from '@/lib/db/result';
import { PLACES_KEY, placeFor } from '@/lib/launcher/place';
import { allPrograms } from '@/lib/referral/programs/index';
import type { Program } from '@/lib/referral/types';
import { loadSettings, updateSettings } from '@/lib/settings';
import { matchesPattern, matchProgram } from '@/lib/share/matchProgram';
import type { HandlerDeps } from './handlers';
import type { PageCommand, PageCommandData, PageCommandReply } from './pageProtocol';

type PageHandlers = {
  [C in PageCommand]: (
    data: PageCommandData<C>,
    page: URL,
    ctx: Ctx,
    deps: HandlerDeps,
  ) => Promise<Result<PageCommandReply<C>>>;
};

async function programs(deps: HandlerDeps): Promise<Program[]> {
  return allPrograms(await deps.db.programs.toArray());
}

/** The program whose own invite or coupon pages, or shopping sites, include the page. */
function ownProgram(page: URL, list: Program[]): Program | undefined {
  const onOwnPage = list.find((p) =>
    [p.pages.invite, p.pages.coupons].some((own) => own && new URL(own).hostname === page.hostname),
  );
  return onOwnPage ?? list.find((p) => p.shoppingHosts.some((pattern) => matchesPattern(pattern, page)));
}

/** One handler per page command; `page` is the sender tab's URL as the browser reports it. */
export const PAGE_HANDLERS: PageHandlers = {
  pageState: async (_data, page, _ctx, deps) => {
    const program = matchProgram(page.href, await programs(deps));
    const settings = await loadSettings();
    const muted = settings.mutedSites.includes(page.hostname.toLowerCase());
    if (!program) return ok({ program: null, hasLink: false, muted });
    const hasLink = (await deps.db.links.where('programId').equals(program.id).count()) > 0;
    const state = { program: { id: program.id, name: program.name }, hasLink, muted };
    if (!hasLink || muted) return ok(state);
    const places = (await browser.storage.local.get(PLACES_KEY))[PLACES_KEY];
    return ok({ ...state, place: placeFor(places, page.hostname.toLowerCase()) });
  },
  muteSite: async (data, page) => {
    const host = page.hostname.toLowerCase();
    await updateSettings((s) => ({
      mutedSites: data.muted ? [...new Set([...s.mutedSites, host])] : s.mutedSites.filter((h) => h !== host),
    }));
    return ok({ host, muted: data.muted });
  },
  captureLink: async (data, page, ctx, deps) => {
    const program = ownProgram(page, await programs(deps));
    if (!program) return err('forbidden', 'This page belongs to no program RefShare knows.');
    return saveLink(deps.db, { input: data.input, programId: program.id }, ctx);
  },
  importCoupons: async (data, page, ctx, deps) => {
    const program = ownProgram(page, await programs(deps));
    if (!program) return err('forbidden', 'This page belongs to no program RefShare knows.');
    return addCoupons(deps.db, { programId: program.id, coupons: data.coupons }, await deps.settings(), ctx);
  },
};
