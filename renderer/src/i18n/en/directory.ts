export const directoryMessages = {}
