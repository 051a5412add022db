/** Opens a URL in the user's default browser (browser mode, and links clicked in the app). */
import open from 'open';

/** Resolves once the browser launcher started; rejects with the reason if it could not. */
export async function openBrowser(url: string): Promise<void> {
  if (!/^https?:\/\//i.test(url)) throw new Error(`refusing to open a non-web address: ${url}`);
  try {
    // `open` resolves after the launcher (xdg-open, open, start) has spawned, and rejects if it could not.
    const child = await open(url);
    child.unref();
  } catch (e) {
    throw new Error(`could not open a browser: ${(e as Error).message}`);
  }
}
