/** The joint topic of docs/architecture.md §1, as the APPG on Personalised Medicine would write it. */
export const LUNG_CANCER_TOPIC = {
  groupSlug: 'personalised-medicine',
  title: 'Personalised medicine for lung cancer',
  summary: [
    "Lung cancer is the UK's biggest cancer killer, and most people are diagnosed late.",
    'We propose joint work on three things: **screening** (targeted lung health checks for people at high risk),',
    '**genomics** (testing every tumour so that treatment matches its mutations), and fair access to',
    '**targeted therapy** across the NHS, so that more patients survive.',
  ].join('\n'),
  tags: ['Health, Medicine & Public Health'],
  visibility: 'participants' as const,
}
