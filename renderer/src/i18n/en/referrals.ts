export const referralsMessages = {}
