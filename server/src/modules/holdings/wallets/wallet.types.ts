import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ChainConfig } from '@/config/chains';
import { GraphQLJSON } from 'graphql-scalars';
import { PageInfo } from '@/core/graphql/page-info';
import type { Wallet, WalletStatus } from './wallet.entity';
import { PolledFeedFields } from '../polling/feed-state.types';
import { withWalletFields } from '../polling/wallet-feed.types';

export enum WalletStatusEnum {
  active = 'active',
  removed = 'removed',
}
registerEnumType(WalletStatusEnum, { name: 'WalletStatus', description: 'active → removed (polling stops, history kept)' });

@ObjectType('Wallet', { simpleResolvers: true, description: "An employee's EVM address on one configured chain." })
export class WalletType extends PolledFeedFields {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  employeeId!: string;

  @Field(() => Int)
  chainId!: number;

  @Field(() => String, { description: 'EIP-55 checksummed.' })
  address!: string;

  @Field(() => String)
  label!: string;

  @Field(() => WalletStatusEnum)
  status!: WalletStatus;

  @Field(() => Date)
  createdAt!: Date;
}

export const toWalletType = (w: Wallet): WalletType => ({
  id: w.id,
  employeeId: w.employeeId,
  chainId: Number(w.chainId),
  address: w.address,
  label: w.label,
  status: w.status,
  lastSuccessAt: w.lastSuccessAt,
  lastError: w.lastError,
  failingSince: w.failingSince,
  nextPollAt: w.nextPollAt,
  createdAt: w.createdAt,
});

@InputType()
export class AddWalletInput {
  @Field(() => Int)
  chainId!: number;

  @Field(() => String, { description: '0x and 40 hex digits; mixed case must be a correct EIP-55 checksum.' })
  address!: string;

  @Field(() => String, { nullable: true })
  label?: string | null;
}

@ObjectType('Chain', { simpleResolvers: true, description: 'A chain wallets can be added on (the CHAINS setting).' })
export class ChainType {
  @Field(() => String)
  name!: string;

  @Field(() => Int)
  chainId!: number;

  @Field(() => Int, { description: 'Blocks a transfer must be under before it is read.' })
  confirmations!: number;

  @Field(() => String)
  nativeSymbol!: string;

  @Field(() => [String], { description: 'The ERC-20 tokens whose balances are read.' })
  tokenSymbols!: string[];
}

// Never the RPC URLs: a provider's URL holds its API key.
export const toChainType = (c: ChainConfig): ChainType => ({
  name: c.name,
  chainId: c.chainId,
  confirmations: c.confirmations,
  nativeSymbol: c.nativeSymbol,
  tokenSymbols: c.tokens.map((t) => t.symbol),
});

@ObjectType('WalletBalance', { simpleResolvers: true, description: "One asset of one wallet's latest snapshot." })
export class WalletBalanceType {
  @Field(() => ID)
  walletId!: string;

  @Field(() => Int)
  chainId!: number;

  @Field(() => String)
  address!: string;

  @Field(() => String, { description: "'native' or the token's contract address." })
  asset!: string;

  @Field(() => String)
  symbol!: string;

  @Field(() => Int)
  decimals!: number;

  @Field(() => String, { description: "Raw integer units (the token's smallest unit)." })
  amount!: string;

  @Field(() => String, { description: 'The block the balance was read at.' })
  blockNumber!: string;

  @Field(() => Date, { description: "That block's time (stale when the wallet is failing)." })
  at!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The amount in whole tokens times the newest price of its symbol in the reference currency; null when unpriced.',
  })
  value!: string | null;

  @Field(() => Boolean, { description: 'Whether the pricing venue quotes the symbol.' })
  priced!: boolean;

  @Field(() => Date, { nullable: true, description: 'When the price was read: the value is as of then.' })
  priceAt!: string | null;
}

@ObjectType('WalletTransfer', {
  simpleResolvers: true,
  description: 'An ERC-20 transfer in or out of a wallet, past the confirmation depth.',
})
export class WalletTransferType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  walletId!: string;

  @Field(() => Int)
  chainId!: number;

  @Field(() => String)
  walletAddress!: string;

  @Field(() => String)
  txHash!: string;

  @Field(() => Int)
  logIndex!: number;

  @Field(() => String)
  blockNumber!: string;

  @Field(() => Date)
  blockTime!: string;

  @Field(() => String)
  tokenAddress!: string;

  @Field(() => String)
  fromAddress!: string;

  @Field(() => String)
  toAddress!: string;

  @Field(() => String, { description: 'in | out | self' })
  direction!: string;

  @Field(() => String, { description: 'Raw integer units.' })
  amount!: string;

  @Field(() => String, { nullable: true, description: "The token's symbol in CHAINS; null if it is no longer listed there." })
  symbol!: string | null;

  @Field(() => Int, { nullable: true, description: "The token's decimals in CHAINS: amount / 10^decimals whole tokens." })
  decimals!: number | null;
}

@ObjectType('WalletTransferConnection', { simpleResolvers: true })
export class WalletTransferConnection {
  @Field(() => [WalletTransferType])
  nodes!: WalletTransferType[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType('WalletHealth', { simpleResolvers: true, description: 'One wallet’s health, for the feed-health page.' })
export class WalletHealthType extends withWalletFields(PolledFeedFields) {
  @Field(() => String)
  employeeName!: string;

  @Field(() => WalletStatusEnum)
  status!: WalletStatus;

  @Field(() => Date, { nullable: true })
  lastPollAt!: string | null;
}

@ObjectType('WalletPollRun', { simpleResolvers: true, description: 'One poll of one wallet.' })
export class WalletPollRunType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'ok | error' })
  outcome!: string;

  @Field(() => Int)
  durationMs!: number;

  @Field(() => GraphQLJSON, { description: 'Blocks read, transfers new and seen, snapshots written.' })
  counts!: unknown;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => Date)
  startedAt!: string;
}
