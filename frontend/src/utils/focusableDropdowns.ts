// Element Plus's select dropdown scrolls its option list in a wrapper that cannot take focus
// (the options are chosen through the input's aria-activedescendant, so none of them is
// focusable either). A long list — the audit page's actions — is then a scroll region a
// keyboard user cannot reach (WCAG 2.1.1; axe "scrollable-region-focusable"), and the
// component has no prop to pass a tabindex down. So every such wrapper gets tabindex="0" as it
// is added to the page, here, once for every present and future select.
export const DROPDOWN_WRAP = '.el-select-dropdown__wrap'

export function makeFocusable(root: ParentNode) {
  root.querySelectorAll<HTMLElement>(DROPDOWN_WRAP).forEach((el) => {
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0')
  })
}

export function watchDropdowns(doc: Document = document): MutationObserver {
  const observer = new MutationObserver((changes) => {
    for (const change of changes) {
      change.addedNodes.forEach((node) => {
        if (!(node instanceof HTMLElement)) return
        if (node.matches(DROPDOWN_WRAP)) makeFocusable(node.parentElement ?? node)
        else makeFocusable(node)
      })
    }
  })
  observer.observe(doc.body, { childList: true, subtree: true })
  makeFocusable(doc)
  return observer
}
