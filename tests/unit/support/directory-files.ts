// An HSDS directory file as the Directory screen hands it to main: shared by the casework API checks.
const enc = (text: string) => new TextEncoder().encode(text)
export const jsonFiles = (text: string, name = 'directory.json') => ({
  files: [{ name, content: enc(text) }],
})
