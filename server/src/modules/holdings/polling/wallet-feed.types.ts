import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { FeedStateFields } from './feed-state.types';

// The fields that say which wallet a wallet feed reads (its prediction positions, its health row),
// declared once. Those feeds extend different feed-state classes (a prediction feed has no poll
// schedule of its own, a wallet's health row does), so these fields come as a mixin over either
// class, as in type-graphql's mixin-classes example; like the feed-state classes, the mixin's type
// is in no field's type, so the schema does not list it.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeScript (TS2545) requires any[] of a mixin's base constructor
type FeedStateClass = abstract new (...args: any[]) => FeedStateFields;

/** `Base` (FeedStateFields or a class extending it) with the wallet a feed reads and whose it is. */
export function withWalletFields<TBase extends FeedStateClass>(Base: TBase) {
  @ObjectType()
  abstract class WalletFeedFields extends Base {
    @Field(() => ID)
    walletId!: string;

    @Field(() => ID)
    employeeId!: string;

    @Field(() => Int)
    chainId!: number;

    @Field(() => String)
    address!: string;

    @Field(() => String)
    label!: string;
  }
  return WalletFeedFields;
}
