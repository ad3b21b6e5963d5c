/**
 * The small interface the cross-browser scenarios (scenarios.ts) are written against, so a feature's end-to-end
 * test is written once and run in Chromium (playwright-core, chromiumDriver.ts) and in Firefox ESR (puppeteer-core
 * over WebDriver BiDi, firefoxDriver.ts). It names what a person does — find a control by its role and accessible
 * name, click, type, read what is shown — plus the few things a test must reach under the UI (a command to the
 * background, a script in an extension page, a download, a file chosen for an input).
 */
import type { Reply } from '../harness';

/** One control or piece of text on a page, found again at each use (like a Playwright locator). */
export interface Control {
  click(): Promise<void>;
  /** Replaces the field's text, as typing would. */
  fill(text: string): Promise<void>;
  /** Waits until it is on the page and visible. */
  waitFor(timeoutMs?: number): Promise<void>;
  text(): Promise<string>;
  /** A PNG of what the control shows on screen. */
  screenshot(): Promise<Buffer>;
}

export interface TestPage {
  /** The control with this ARIA role and exactly this accessible name. */
  role(role: string, name: string): Control;
  /** The first element whose text holds this (whitespace folded). */
  text(text: string): Control;
  /**
   * A control inside a closed shadow root (the shop launcher's), which page scripts and ordinary locators cannot
   * reach: found through the browser's accessibility tree, clicked where it is drawn.
   */
  sealedRole(role: string, name: string): Control;
  /** The extension's own frame in this page whose address has this path (the share panel), once it is there. */
  extensionFrame(pathname: string): Promise<Frame>;
  /** Chooses a file for the file input with this label (what the file dialog would hand the page). */
  chooseFile(label: string, file: { name: string; content: string }): Promise<void>;
  /** Clicks the control and returns the file the page downloaded. */
  download(trigger: Control): Promise<{ name: string; text: string }>;
  /** Runs a function in the page (an extension page has the extension API as `browser` or `chrome`). */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** `{ channel, command, data }` to the background, from this (extension) page. */
  command<T = unknown>(command: string, data: unknown): Promise<Reply<T>>;
  /** What the page printed to its console as errors, and uncaught exceptions, so far. */
  errors(): string[];
  close(): Promise<void>;
}

/** A frame of the extension's inside a web page: found by role and read, as a page is. */
export interface Frame {
  url(): string;
  role(role: string, name: string): Control;
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

export interface LaunchOptions {
  /** 'test' loads the test build (it holds the fixture hosts' and 127.0.0.1's permissions). */
  build?: 'prod' | 'test';
  /** Origins the extension may reach (status feeds the test serves); anything else fails the test. */
  allowNetwork?: string[];
  /** The test leaks on purpose, to prove the recorder sees it (its log line says so, and npm test does not fail). */
  deliberateLeaks?: boolean;
}

export interface TestBrowser {
  /** "Chromium 156" or "Firefox ESR 140.x". */
  readonly name: string;
  /** An extension page: 'popup.html', 'options.html#settings'. */
  extensionPage(pathname: string): Promise<TestPage>;
  /** A web page, e.g. a fixture shop page (`fixtureUrl`). */
  webPage(url: string): Promise<TestPage>;
  /** The address of a fixture page served under a program's real host name (tests/e2e/fixtures/<host>/). */
  fixtureUrl(host: string, pathname: string): string;
  /** Closes the browser; fails when the extension reached anywhere the test did not allow. */
  close(): Promise<void>;
}

export type Launch = (options?: LaunchOptions) => Promise<TestBrowser>;
