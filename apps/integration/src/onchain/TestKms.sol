// SPDX-License-Identifier: Apache-2.0
// Test contracts for the SDK's on-chain helpers: the ABI they call, written for
// these tests (not Phala's contracts). Compiled by local-chain.ts with solc,
// for the Paris EVM that Ganache runs.
pragma solidity ^0.8.20;

/// An app's auth contract: who owns it, which compose hashes and devices it allows.
contract TestAppAuth {
    address public owner;
    bool public allowAnyDevice;
    bool public upgradesDisabled;
    mapping(bytes32 => bool) public allowedComposeHashes;
    mapping(bytes32 => bool) public allowedDeviceIds;

    event ComposeHashAdded(bytes32 composeHash);
    event DeviceAdded(bytes32 deviceId);
    event DeviceRemoved(bytes32 deviceId);
    event AllowAnyDeviceSet(bool allowAny);

    error OwnableUnauthorizedAccount(address account);

    constructor(
        address initialOwner,
        bool disableUpgrades,
        bool allowAny,
        bytes32 deviceId,
        bytes32 composeHash
    ) {
        owner = initialOwner;
        upgradesDisabled = disableUpgrades;
        allowAnyDevice = allowAny;
        if (deviceId != bytes32(0)) allowedDeviceIds[deviceId] = true;
        if (composeHash != bytes32(0)) allowedComposeHashes[composeHash] = true;
    }

    modifier onlyOwner() {
        if (msg.sender != owner) revert OwnableUnauthorizedAccount(msg.sender);
        _;
    }

    /// Refuses a hash already allowed: the tests' way to make the contract revert.
    function addComposeHash(bytes32 composeHash) external onlyOwner {
        require(!allowedComposeHashes[composeHash], "compose hash already allowed");
        allowedComposeHashes[composeHash] = true;
        emit ComposeHashAdded(composeHash);
    }

    function addDevice(bytes32 deviceId) external onlyOwner {
        allowedDeviceIds[deviceId] = true;
        emit DeviceAdded(deviceId);
    }

    function removeDevice(bytes32 deviceId) external onlyOwner {
        allowedDeviceIds[deviceId] = false;
        emit DeviceRemoved(deviceId);
    }

    function setAllowAnyDevice(bool allowAny) external onlyOwner {
        allowAnyDevice = allowAny;
        emit AllowAnyDeviceSet(allowAny);
    }
}

/// A KMS contract's factory: deploys an app's auth contract and registers it.
contract TestKms {
    mapping(address => bool) public registeredApps;

    event AppDeployedViaFactory(address indexed appId, address indexed deployer);
    event AppRegistered(address appId);

    function deployAndRegisterApp(
        address deployer,
        bool disableUpgrades,
        bool allowAnyDevice,
        bytes32 deviceId,
        bytes32 composeHash
    ) external returns (address) {
        TestAppAuth app = new TestAppAuth(
            deployer,
            disableUpgrades,
            allowAnyDevice,
            deviceId,
            composeHash
        );
        registeredApps[address(app)] = true;
        emit AppRegistered(address(app));
        emit AppDeployedViaFactory(address(app), deployer);
        return address(app);
    }
}

/// A factory that deploys but says nothing: deployAppAuth must not guess the app id.
contract SilentKms {
    function deployAndRegisterApp(
        address deployer,
        bool disableUpgrades,
        bool allowAnyDevice,
        bytes32 deviceId,
        bytes32 composeHash
    ) external returns (address) {
        return address(new TestAppAuth(deployer, disableUpgrades, allowAnyDevice, deviceId, composeHash));
    }
}
