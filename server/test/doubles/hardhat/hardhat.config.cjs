// The local chain the chain-ingest tests start (hardhat-node.ts): hardhat 2's in-process network
// served over JSON-RPC, with its default funded accounts. Blocks are mined one per transaction
// (automine) and on demand (evm_mine / hardhat_mine); evm_snapshot and evm_revert make reorgs.
// Nothing here compiles: the tests deploy precompiled bytecode (minimal-erc20.ts).
module.exports = {
  networks: {
    hardhat: { chainId: 31337, mining: { auto: true } },
  },
};
