export type PageOrigin = {
  /** import.meta.env.PROD: the built console, as shipped. */
  production: boolean;
  /** window.location.protocol, e.g. 'https:'. */
  protocol: string;
  /** window.location.hostname, e.g. 'vigil.example.com', '127.0.0.1', '[::1]'. */
  hostname: string;
};

// Loopback never leaves the machine, so nothing can be read on the wire: browsers count it as a
// secure context for the same reason. It is how the console is reached in the e2e journeys and
// through an SSH tunnel.
function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/**
 * Why the onboarding page must refuse to work here, or null when it may (H11): in production,
 * passwords and exchange keys travel only over HTTPS. The server refuses such requests on its own
 * as well; this is the page saying so before anything is typed.
 */
export function insecureTransportReason(origin: PageOrigin): string | null {
  if (!origin.production) return null;
  if (origin.protocol === 'https:') return null;
  if (origin.protocol === 'http:' && isLoopback(origin.hostname)) return null;
  return (
    'This page was opened over an unencrypted connection (' +
    `${origin.protocol.replace(/:$/, '')}://${origin.hostname}). Passwords and exchange keys must only travel over ` +
    'HTTPS, so onboarding is switched off here. Open the link exactly as you received it (it starts with https://), ' +
    'or ask your administrator to serve Vigil over HTTPS.'
  );
}
