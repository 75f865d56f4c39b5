import type zhCN from './zh-CN'

export default {
  training_assigned: '{by} assigned you “{title}”, due {due}',
  training_assigned_programme: '{by} assigned you “{title}” ({programme}), due {due}',
  training_due_soon: '“{title}” is due soon ({due}); please finish it',
  training_reminded: '{by} reminds you to complete “{title}” (due {due})',
  training_commented: '{by} commented on your attempt at “{title}”',
  cases_review_due: 'The case “{title}” is due for review ({due}): check that it is still accurate',
  cases_approved: '{by} approved your case “{title}”; it is now in the case library',
  cases_returned: '{by} returned your case “{title}”; please revise it as advised and resubmit',
  feedback_appeal_upheld: '{by} upheld your appeal; that customer rating no longer counts',
  feedback_appeal_rejected: '{by} rejected your appeal',
  careers_promoted: '{by} promoted you to “{level}”',
  careers_moved: '{by} moved you to the level “{level}”',
  suggestions_decided: '{by} decided on your suggestion “{title}”',
  suggestions_decided_adopt: '{by} adopted your suggestion “{title}”',
  suggestions_decided_reject: '{by} did not adopt your suggestion “{title}”',
  suggestions_decided_return: '{by} returned your suggestion “{title}”; please add to it and resubmit',
  suggestions_bonus_paid: 'The reward for your suggestion “{title}” has been paid',
  award_granted: 'Congratulations! You received “{award}” ({period})',
  award_nomination_rejected: 'The nomination for “{award}” ({period}) was not approved',
  generic: 'You have a new notification',
} satisfies typeof zhCN
