export interface FixtureServer {
  port: number;
  /** Chromium switches that send the fixture hosts to this server. */
  args: string[];
  /** http://<host>:<port><path> */
  url(host: string, pathname: string): string;
  close(): Promise<void>;
}

/** Starts the fixture server on a free loopback port (see fixtureServer.mjs). */
export function startFixtureServer(): Promise<FixtureServer>;
