export { BridgeError, errorCode, errorMessage, type BridgeErrorCode } from './bridge-error'
export { bridgeKind, getBridge, onSessionExpired, resolveBridge, type BridgeKind, type ResolvedBridge } from './get-bridge'
