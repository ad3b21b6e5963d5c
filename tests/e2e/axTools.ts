/**
 * Finding and using controls the way assistive technology does, through Chromium's accessibility tree (CDP).
 * RefShare's in-page UI lives in closed shadow roots, which Playwright's locators (and page scripts) cannot
 * enter; the accessibility tree shows what a person is offered there, by role and name.
 */
import type { CDPSession, Page } from 'playwright-core';

interface AxValue {
  value?: unknown;
}

/** One node of Accessibility.getFullAXTree. */
export interface AxNode {
  nodeId: string;
  ignored: boolean;
  role?: AxValue;
  name?: AxValue;
  backendDOMNodeId?: number;
}

export interface AxQuery {
  role: string;
  /** Exact accessible name, or a pattern; any name when absent. */
  name?: string | RegExp;
}

/** A CDP session on the page, for the helpers below. */
export async function axSession(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  await cdp.send('DOM.enable');
  return cdp;
}

const matches = (node: AxNode, q: AxQuery) => {
  if (node.ignored || node.role?.value !== q.role) return false;
  const name = String(node.name?.value ?? '');
  return q.name === undefined || (typeof q.name === 'string' ? name === q.name : q.name.test(name));
};

/** Every node of the page's accessibility tree that the query matches, right now. */
export async function queryAx(cdp: CDPSession, q: AxQuery): Promise<AxNode[]> {
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
  return nodes.filter((n) => matches(n, q));
}

/** Waits until the query matches a node and returns the first one. */
export async function findAx(cdp: CDPSession, q: AxQuery, timeout = 10_000): Promise<AxNode> {
  const until = Date.now() + timeout;
  for (;;) {
    const [node] = await queryAx(cdp, q);
    if (node) return node;
    if (Date.now() > until)
      throw new Error(`No ${q.role} named ${String(q.name ?? '(any)')} in the accessibility tree`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Clicks the node with the mouse at the centre of its box, as a person would. */
export async function clickAx(page: Page, cdp: CDPSession, node: AxNode): Promise<void> {
  const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendDOMNodeId })) as {
    model: { content: number[] };
  };
  const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
}

/** The node's text content (an alert's name is not its text, so read the element itself). */
async function axText(cdp: CDPSession, node: AxNode): Promise<string> {
  const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: node.backendDOMNodeId })) as {
    object: { objectId: string };
  };
  const { result } = (await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    functionDeclaration: 'function () { return this.textContent; }',
    returnByValue: true,
  })) as { result: { value: string } };
  return result.value;
}

/** The text of every node the query matches right now (e.g. all alerts), for `expect.poll`. */
export async function axTexts(cdp: CDPSession, q: AxQuery): Promise<string[]> {
  const texts: string[] = [];
  for (const node of await queryAx(cdp, q)) texts.push(await axText(cdp, node));
  return texts;
}
