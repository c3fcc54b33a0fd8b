export const screeningMessages = {}
