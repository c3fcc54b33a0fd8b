import { DataFolderError } from './data-dir'
import { nativeWords } from './native-words'

/**
 * What the error box says when the app cannot start. Started by a double-click or a shortcut,
 * nobody sees stderr: without a box the app just "does nothing". A data folder that cannot be used
 * (the shortcut's USB stick not plugged in, a file at that path, a read-only folder) is named,
 * with the option that names it.
 */
export function startFailureText(error: unknown): { title: string; content: string } {
  const words = nativeWords().startFailed
  if (!(error instanceof DataFolderError)) return { title: words.title, content: words.otherProblem }
  const problem =
    error.problem === 'no-folder-named'
      ? words.noFolderNamed
      : `${words.cannotUseFolder}\n${error.folder ?? ''}`
  return { title: words.title, content: `${problem}\n\n${words.dataFolderHint}` }
}
