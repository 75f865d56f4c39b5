import { computed, ref } from 'vue'
import { api } from '@/api/client'
import { unwrap } from '@/api/errors'
import type { Branch } from '@/api/types'
import { buildBranchTree } from '@/utils/branchTree'

/** The tenant's branches (as far as the user may see them), flat and as a tree. */
export function useBranches() {
  const items = ref<Branch[]>([])
  const loading = ref(false)
  const byId = computed(() => new Map(items.value.map((b) => [b.id, b])))
  const tree = computed(() => buildBranchTree(items.value))
  const openTree = computed(() => buildBranchTree(items.value, { hideClosed: true }))

  async function load() {
    loading.value = true
    try {
      items.value = unwrap(await api.GET('/api/v1/branches')).items ?? []
    } finally {
      loading.value = false
    }
  }
  return { items, byId, tree, openTree, loading, load }
}
