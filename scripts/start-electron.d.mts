/** The one-line explanation printed when the Electron binary is missing. */
export const MISSING_BINARY_MESSAGE: string;
/** The Electron executable on disk, or null when it was never downloaded. */
export function findElectronBinary(projectRoot?: string): string | null;
