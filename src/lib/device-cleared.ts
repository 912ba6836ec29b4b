/**
 * Set once this page has cleared the device (sign-out, "Clear data on this device"): what it still holds in
 * memory (a write retrying a lost connection, a throttled save) must neither reach the server nor the storage.
 */
let cleared = false;

export const markDeviceCleared = (): void => {
  cleared = true;
};

export const isDeviceCleared = (): boolean => cleared;
