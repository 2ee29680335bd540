// Binance's answers in the shapes ccxt 4.5 reads, for the places that play Binance: the demo's
// simulated exchange (simulated-exchange.ts) and the Binance dialect of the test doubles. One
// copy, so a shape fixed for ccxt is fixed for both.

export type BinanceMarket = { symbol: string; base: string; quote: string };

/** GET /api/v3/exchangeInfo: spot markets, trading, with the price and lot filters ccxt parses. */
export const binanceExchangeInfo = (markets: readonly BinanceMarket[], now: number) => ({
  timezone: 'UTC',
  serverTime: now,
  rateLimits: [],
  symbols: markets.map((m) => ({
    symbol: m.symbol,
    status: 'TRADING',
    baseAsset: m.base,
    baseAssetPrecision: 8,
    quoteAsset: m.quote,
    quotePrecision: 8,
    orderTypes: ['LIMIT', 'MARKET'],
    isSpotTradingAllowed: true,
    isMarginTradingAllowed: false,
    permissions: ['SPOT'],
    permissionSets: [['SPOT']],
    filters: [
      { filterType: 'PRICE_FILTER', minPrice: '0.01', maxPrice: '1000000.00', tickSize: '0.01' },
      { filterType: 'LOT_SIZE', minQty: '0.00001', maxQty: '9000.00', stepSize: '0.00001' },
    ],
  })),
});

/** GET /sapi/v1/capital/config/getall: each coin on one default network, deposits and withdrawals open. */
export const binanceCoinConfig = (coins: readonly string[]) =>
  coins.map((coin) => ({
    coin,
    name: coin,
    depositAllEnable: true,
    withdrawAllEnable: true,
    trading: true,
    free: '0',
    locked: '0',
    networkList: [
      {
        network: coin === 'USDT' ? 'ETH' : coin,
        coin,
        isDefault: true,
        depositEnable: true,
        withdrawEnable: true,
        withdrawFee: '0.0005',
        withdrawMin: '0.001',
        withdrawMax: '100',
        withdrawIntegerMultiple: '0.00000001',
      },
    ],
  }));

/** What a key may do, as GET /sapi/v1/account/apiRestrictions reports it. */
export type BinanceKeyRights = {
  createTime: number;
  trade: boolean;
  withdraw: boolean;
  transfer: boolean;
  /** The trading authority's expiry, when the key has one (ms). */
  tradingAuthorityExpiresAt?: number;
};

/** GET /sapi/v1/account/apiRestrictions: reading always on, the rest as the key's rights say. */
export const binanceApiRestrictions = (k: BinanceKeyRights) => ({
  ipRestrict: false,
  createTime: k.createTime,
  enableReading: true,
  enableSpotAndMarginTrading: k.trade,
  enableMargin: false,
  enableFutures: false,
  enableVanillaOptions: false,
  enablePortfolioMarginTrading: false,
  enableFixApiTrade: false,
  enableFixReadOnly: false,
  enableWithdrawals: k.withdraw,
  enableInternalTransfer: k.transfer,
  permitsUniversalTransfer: k.transfer,
  ...(k.tradingAuthorityExpiresAt !== undefined ? { tradingAuthorityExpirationTime: k.tradingAuthorityExpiresAt } : {}),
});
