export const exchangeMessages = {}
