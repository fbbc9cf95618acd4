export default {
  export: 'Export summary report',
  exporting: 'Building the summary report…',
  hint: 'Export the summary report of {code} (ranking, liaison areas, charts, indicator statistics, completeness), A4 landscape, ready to print and stamp',
  exported: 'Summary report saved to {path}',
  failed: 'Could not export the summary report: {message}',
}
