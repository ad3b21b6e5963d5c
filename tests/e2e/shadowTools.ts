/**
 * Finding and pressing controls inside a CLOSED shadow root, as the shop-page launcher's are. Playwright's locators
 * cannot pierce closed roots (measured with playwright-core 1.65: `getByRole(...)` counts 0 and `ariaSnapshot()`
 * leaves them out), but Chromium's accessibility tree has them, as assistive technology sees them. So these helpers
 * read the tree over CDP (`Accessibility.getFullAXTree`) and act on a node through its DOM node id: the box model
 * for a real mouse click, `DOM.focus` for the keyboard.
 */
import type { Frame, Page } from 'playwright-core';

/** The parts of a CDP accessibility node these helpers use. */
export interface AxNode {
  role: string;
  name: string;
  focused: boolean;
  backendDOMNodeId?: number;
}

interface RawAxNode {
  ignored?: boolean;
  role?: { value?: string };
  name?: { value?: string };
  properties?: { name: string; value: { value?: unknown } }[];
  backendDOMNodeId?: number;
}

async function withCdp<T>(
  page: Page,
  run: (send: (method: string, params?: object) => Promise<unknown>) => Promise<T>,
) {
  const session = await page.context().newCDPSession(page);
  try {
    return await run((method, params) => session.send(method as 'DOM.enable', params as undefined));
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/** The main frame's accessibility tree (not ignored nodes only), closed shadow roots included. */
async function accessibleNodes(page: Page): Promise<AxNode[]> {
  return withCdp(page, async (send) => {
    const { nodes } = (await send('Accessibility.getFullAXTree')) as { nodes: RawAxNode[] };
    return nodes
      .filter((n) => !n.ignored)
      .map((n) => ({
        role: n.role?.value ?? '',
        name: n.name?.value ?? '',
        focused: n.properties?.some((p) => p.name === 'focused' && p.value.value === true) ?? false,
        backendDOMNodeId: n.backendDOMNodeId,
      }));
  });
}

/** Nodes with this role and exactly this accessible name. */
export async function findAccessible(page: Page, role: string, name: string): Promise<AxNode[]> {
  return (await accessibleNodes(page)).filter((n) => n.role === role && n.name === name);
}

/** The one node with this role and name; throws when there is none or more than one. */
export async function theAccessible(page: Page, role: string, name: string): Promise<AxNode> {
  const found = await findAccessible(page, role, name);
  if (found.length !== 1) throw new Error(`Expected one ${role} "${name}", found ${found.length}`);
  return found[0] as AxNode;
}

/** The node's border box on the page, in CSS px. */
export async function boxOf(
  page: Page,
  node: AxNode,
): Promise<{ x: number; y: number; width: number; height: number }> {
  return withCdp(page, async (send) => {
    const { model } = (await send('DOM.getBoxModel', { backendNodeId: node.backendDOMNodeId })) as {
      model: { border: number[]; width: number; height: number };
    };
    const [x = 0, y = 0] = model.border;
    return { x, y, width: model.width, height: model.height };
  });
}

/** Clicks the middle of the node with the real mouse (so the page sees an ordinary click, as from a person). */
export async function clickAccessible(page: Page, node: AxNode): Promise<void> {
  const box = await boxOf(page, node);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Gives the node keyboard focus, as Tab would. */
export async function focusAccessible(page: Page, node: AxNode): Promise<void> {
  await withCdp(page, (send) => send('DOM.focus', { backendNodeId: node.backendDOMNodeId }));
}

/** One computed style property of the node's element (e.g. to check what the closed root's styles did). */
export async function computedStyle(page: Page, node: AxNode, property: string): Promise<string | undefined> {
  return withCdp(page, async (send) => {
    await send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = (await send('DOM.pushNodesByBackendIdsToFrontend', {
      backendNodeIds: [node.backendDOMNodeId],
    })) as { nodeIds: number[] };
    await send('CSS.enable');
    const { computedStyle } = (await send('CSS.getComputedStyleForNode', { nodeId: nodeIds[0] })) as {
      computedStyle: { name: string; value: string }[];
    };
    return computedStyle.find((p) => p.name === property)?.value;
  });
}

/** The frame showing one of the extension's own pages (the share panel), if there is one. */
export function extensionFrame(page: Page): Frame | undefined {
  return page.frames().find((f) => f.url().startsWith('chrome-extension://'));
}
