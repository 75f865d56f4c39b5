import { reactive } from 'vue'

// Names of the branches met while drilling down, kept for the session's breadcrumbs (the
// trail in the URL carries ids only).
export const branchNames = reactive(new Map<number, string>())

export function rememberBranch(id: number, name: string) {
  if (name) branchNames.set(id, name)
}
