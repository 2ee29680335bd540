import type { SimulatedAccount } from './simulated-activity';
import type { SimulatedWallet } from './simulated-chain';

// The demo's three employees: names and department say "demo", emails are under the reserved
// .example domain, and their keys exist only at the simulated exchange (on loopback, in this
// process). Fixed, so that a restart finds the same people, keys and wallets.

export const DEMO_DEPARTMENT = 'Demo (simulated data)';
export const DEMO_EMAIL_DOMAIN = 'demo.vigil.example';

export type DemoEmployee = {
  name: string;
  email: string;
  account: SimulatedAccount;
  wallet: SimulatedWallet;
  /** Its key is revoked at the simulated exchange a while after start: the broken key of the demo. */
  revokedLater: boolean;
};

// The last four characters are what the console shows of a key: one of each person's own.
const key = (who: string) => `DEMOKEY${who.toUpperCase()}`.padEnd(60, '0') + who.slice(0, 4).toUpperCase().padEnd(4, 'X');
const secret = (who: string) => `DEMOSECRET${who.toUpperCase()}`.padEnd(64, '7');
const ETH = 10n ** 18n;
const DUSD = 10n ** 6n;

export const DEMO_EMPLOYEES: readonly DemoEmployee[] = [
  {
    name: 'Demo \u2014 Ada Lovelace',
    email: `ada.lovelace@${DEMO_EMAIL_DOMAIN}`,
    account: {
      apiKey: key('ada'),
      secret: secret('ada'),
      balances: { BTC: '0.84210000', ETH: '12.50000000', USDT: '15230.55000000' },
      offsetMinutes: 1,
      idBase: 1_000_000,
    },
    wallet: {
      address: '0xde30000000000000000000000000000000000a0a',
      nativeWei: (5n * ETH) / 4n,
      baseUnits: 4_200n * DUSD,
      residue: 3,
    },
    revokedLater: false,
  },
  {
    name: 'Demo \u2014 Alan Turing',
    email: `alan.turing@${DEMO_EMAIL_DOMAIN}`,
    account: {
      apiKey: key('alan'),
      secret: secret('alan'),
      balances: { BTC: '2.00000000', USDT: '830.10000000' },
      offsetMinutes: 4,
      idBase: 2_000_000,
    },
    wallet: { address: '0xde30000000000000000000000000000000000a1a', nativeWei: ETH / 3n, baseUnits: 950n * DUSD, residue: 11 },
    revokedLater: false,
  },
  {
    name: 'Demo \u2014 Grace Hopper',
    email: `grace.hopper@${DEMO_EMAIL_DOMAIN}`,
    account: {
      apiKey: key('grace'),
      secret: secret('grace'),
      balances: { ETH: '3.14159265', USDT: '2500.00000000' },
      offsetMinutes: 7,
      idBase: 3_000_000,
    },
    wallet: {
      address: '0xde30000000000000000000000000000000000a2a',
      nativeWei: 2n * ETH,
      baseUnits: 12_000n * DUSD,
      residue: 19,
    },
    revokedLater: true,
  },
];
