export default {
  skipToContent: 'Skip to main content',
  completionOf: 'Completion of {name}',
  mainMenu: 'Main menu',
  staleTitle: 'ServiceStar has been updated',
  staleBody: 'ServiceStar was just upgraded and the files this page needs have been replaced. Reload to continue (unsaved input will be lost).',
  reload: 'Reload now',
  later: 'Later',
  // Names of header buttons: they contain the text the button shows (the count, the language).
  bell: 'Notifications: {n} unread',
  language: 'Language: {name}',
  pageSize: 'Rows per page',
}
