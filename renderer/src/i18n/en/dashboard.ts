export const dashboardMessages = {}
