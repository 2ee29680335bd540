// SPDX-License-Identifier: MIT
pragma solidity 0.8.26;

// The smallest ERC-20 the chain ingest tests need: a fixed supply minted to the deployer,
// balanceOf, transfer and the standard Transfer event. Compiled once with solc-js 0.8.26
// (compile-minimal-erc20.cjs); the bytecode lives in minimal-erc20.ts so the tests need no compiler.
contract MinimalErc20 {
    mapping(address => uint256) public balanceOf;
    uint8 public constant decimals = 6;

    event Transfer(address indexed from, address indexed to, uint256 value);

    constructor(uint256 supply) {
        balanceOf[msg.sender] = supply;
        emit Transfer(address(0), msg.sender, supply);
    }

    function transfer(address to, uint256 value) external returns (bool) {
        require(balanceOf[msg.sender] >= value, "balance");
        balanceOf[msg.sender] -= value;
        balanceOf[to] += value;
        emit Transfer(msg.sender, to, value);
        return true;
    }
}
