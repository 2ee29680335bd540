import { afterAll, beforeAll } from 'vitest';
import { type Browser, launchBrowser } from './browser';
import { type RunningVigil, startVigil } from './startVigil';

/** The running Vigil and one browser per name given. */
export type Journey<Name extends string> = { vigil: RunningVigil } & Record<Name, Browser>;

/**
 * A fresh Vigil and its browsers for one journey (a describe block): started in beforeAll (the
 * server first, then the browsers in the order named), closed in afterAll (the browsers in reverse,
 * then the server). The fields are filled in by beforeAll, so read them inside tests, not in the
 * describe body. Hooks the journey registers before this call run before the start and after the
 * stop (`env` is asked for at start, so it may name what such a hook started, e.g. a venue double).
 */
export function vigilForJourney<Name extends string>(
  browserNames: readonly Name[],
  options: { env?: () => NodeJS.ProcessEnv; viewport?: { width: number; height: number } } = {},
): Journey<Name> {
  const journey = {} as Journey<Name>;
  const launched: Browser[] = [];
  let vigil: RunningVigil | undefined;

  beforeAll(async () => {
    vigil = await startVigil({ env: options.env?.() });
    journey.vigil = vigil;
    for (const name of browserNames) {
      const browser = await launchBrowser();
      launched.push(browser);
      (journey as Record<Name, Browser>)[name] = browser;
    }
    if (options.viewport) for (const browser of launched) await browser.page.setViewportSize(options.viewport);
  });

  afterAll(async () => {
    for (const browser of [...launched].reverse()) await browser.close();
    await vigil?.stop();
  });

  return journey;
}
