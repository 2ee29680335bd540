import type { Dialect } from '../double-types';
import { binanceDialect } from './binance.dialect';
import { bybitDialect } from './bybit.dialect';
import { coinbaseDialect } from './coinbase.dialect';
import { geminiDialect } from './gemini.dialect';
import { krakenDialect } from './kraken.dialect';
import { kucoinDialect } from './kucoin.dialect';
import { okxDialect } from './okx.dialect';

export type DoubleVenue = 'binance' | 'coinbase' | 'kraken' | 'okx' | 'bybit' | 'kucoin' | 'gemini';

const DIALECTS: Record<DoubleVenue, Dialect> = {
  binance: binanceDialect,
  coinbase: coinbaseDialect,
  kraken: krakenDialect,
  okx: okxDialect,
  bybit: bybitDialect,
  kucoin: kucoinDialect,
  gemini: geminiDialect,
};

export const DOUBLE_VENUES = Object.keys(DIALECTS) as DoubleVenue[];

export function dialectFor(venue: DoubleVenue): Dialect {
  return DIALECTS[venue];
}
