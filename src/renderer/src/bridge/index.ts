export { BridgeError, errorCode, errorMessage, type BridgeErrorCode } from './bridge-error'
export { getBridge, setBridge } from './current-bridge'
export { bridgeKind, onSessionExpired, resolveBridge, type BridgeKind, type ResolvedBridge } from './get-bridge'
