// Package scoring is the 评成效 engine: it turns the values raters entered into rater totals,
// group scores, a final score, a rank and a grade per observed unit (DOMAIN §4), plus the
// statistics that are shown beside them. It is pure: no database, no files, no clock, no other
// package of the project; the round service loads what it needs and calls Compute.
//
// # Values
//
// Every value is an int64 of centi-points (hundredths of a point), as in storage. A rater's
// sheet for a unit is a Values map from indicator ID to value; a missing key is a blank cell,
// which is not the same as 0. ParseValue reads what raters type into a workbook cell or the
// window ("4.5", "４．５", "4.5分", the label of a grade option, "-2" for a deduction) and
// ValidateValue checks a value against its indicator; both refuse with a *ValueError whose text
// is the plain-Chinese sentence the workbook's data validation shows (RangeMessage).
//
// # Rules
//
//  1. A rater's total is Σ score + Σ grade points + Σ bonus − Σ deduct (RaterTotal). It is
//     complete only when every score and grade indicator has a valid value; deduct and bonus may
//     stay blank. Incomplete totals (缺评) are shown but left out of every mean.
//  2. A group's score is the mean of its raters' complete totals; with at least
//     Settings.TrimMinRaters of them (and never fewer than 3), one highest and one lowest total
//     are dropped first — exactly one of each, even when several raters tie (TrimmedMean).
//  3. The final score is Σ weight × group score / Σ weight over the groups that scored the unit,
//     so weights are relative (basis points, percent or any scale). When a group with a weight
//     is missing, the others are renormalised and the result is flagged. Admin-verified
//     adjustments are added afterwards (FinalScore).
//  4. Rank and grade use the final score rounded half away from zero (四舍五入) to 2 decimals,
//     the number people see: ties share a rank (1, 2, 2, 4) and a unit shown as 90.00 is 优秀.
//     An optional cap on the share of the first grade drops every unit tied at the boundary to
//     the second grade, so the cap is never exceeded (Place).
//  5. Indicator statistics and rater consistency are computed over complete totals and only
//     reported; nothing in them changes a score. A rater is flagged when the mean absolute
//     difference between their totals and their group's scores exceeds Settings.DeviationFlag
//     (5 points by default), counted only where the group has at least two complete totals.
//
// A rater recused from a unit (回避) is not expected there and any sheet of theirs for it is
// ignored; a stored value outside its indicator's bounds is left out and makes its total
// incomplete, so bad data shows up as 缺评 rather than as a wrong score.
//
// # Precision
//
// Totals are exact integers. Means and weighted sums are not, so they are kept as Exact, an
// exact fraction (math/big.Rat) of centi-points, and rounded only at the edge by Exact.Centi,
// Exact.String or JSON encoding. A fixed finer unit (say micro-points) would round twice: a
// renormalised weighted mean of means can sit a hair below x.xx5 and then be rounded up. With
// fractions, 89.995 is exactly 89.995 and becomes 90.00, and 89.99499… stays 89.99.
package scoring
