/** Enrols a fresh account on totp-lab's own HTTP API (see enrol-own-server.mjs). */
export function enrolOnOwnServer(
  url: string,
  token: string,
): Promise<{ keyUri: string; username: string; password: string }>;
