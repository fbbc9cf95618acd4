package scoring

import (
	"math/big"
	"strconv"
)

// Exact is a score held as an exact fraction of centi-points, so that means and weighted sums
// are rounded once, when shown. The zero value is 0; an Exact is never changed after it is made.
type Exact struct{ r *big.Rat }

// FromCenti returns the exact value of c centi-points.
func FromCenti(c int64) Exact { return Exact{new(big.Rat).SetInt64(c)} }

// CentiRatio returns num/den centi-points exactly; den must not be 0.
func CentiRatio(num, den int64) Exact {
	if den == 0 {
		panic("scoring: CentiRatio with a zero denominator")
	}
	return Exact{new(big.Rat).SetFrac64(num, den)}
}

// rat returns x's fraction for reading; callers never modify it.
func (x Exact) rat() *big.Rat {
	if x.r == nil {
		return new(big.Rat)
	}
	return x.r
}

// Centi rounds x half away from zero (四舍五入) to whole centi-points, i.e. to 2 decimals of a
// point. It is the one rounding in the package: 89.995 → 90.00, −0.005 → −0.01.
func (x Exact) Centi() int64 {
	r := x.rat()
	num := new(big.Int).Abs(r.Num())
	den := r.Denom()
	q, rem := num.QuoRem(num, den, new(big.Int))
	if rem.Lsh(rem, 1).Cmp(den) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if r.Sign() < 0 {
		q.Neg(q)
	}
	return q.Int64()
}

// Cmp compares x and y exactly, returning −1, 0 or +1.
func (x Exact) Cmp(y Exact) int { return x.rat().Cmp(y.rat()) }

// Sign returns −1, 0 or +1 for a negative, zero or positive x.
func (x Exact) Sign() int { return x.rat().Sign() }

// Float64 returns x in points as the nearest float64, for charts; never for decisions.
func (x Exact) Float64() float64 {
	f, _ := new(big.Rat).Quo(x.rat(), big.NewRat(100, 1)).Float64()
	return f
}

// Rat returns x in points as a new big.Rat that the caller may keep or change.
func (x Exact) Rat() *big.Rat { return new(big.Rat).Quo(x.rat(), big.NewRat(100, 1)) }

// String returns x rounded to 2 decimals with both decimals shown, as exports show it ("92.50").
func (x Exact) String() string { return FormatCenti(x.Centi()) }

// MarshalJSON writes x as a JSON number rounded to 2 decimals, the form `results --json` uses.
func (x Exact) MarshalJSON() ([]byte, error) { return []byte(x.String()), nil }

func (x Exact) add(y Exact) Exact { return Exact{new(big.Rat).Add(x.rat(), y.rat())} }

func (x Exact) sub(y Exact) Exact { return Exact{new(big.Rat).Sub(x.rat(), y.rat())} }

func (x Exact) abs() Exact { return Exact{new(big.Rat).Abs(x.rat())} }

func (x Exact) mulInt(n int64) Exact {
	return Exact{new(big.Rat).Mul(x.rat(), new(big.Rat).SetInt64(n))}
}

func (x Exact) quoInt(n int64) Exact {
	return Exact{new(big.Rat).Quo(x.rat(), new(big.Rat).SetInt64(n))}
}

// FormatCenti writes c centi-points with exactly two decimals, as exports and reports show a
// score: 9250 → "92.50", −5 → "-0.05".
func FormatCenti(c int64) string {
	sign := ""
	u := uint64(c)
	if c < 0 {
		sign, u = "-", uint64(-c)
	}
	frac := strconv.FormatUint(u%100, 10)
	if len(frac) == 1 {
		frac = "0" + frac
	}
	return sign + strconv.FormatUint(u/100, 10) + "." + frac
}

// FormatPoints writes c centi-points with no trailing zeros, as people write a maximum or a
// step in a message or a scheme: 500 → "5", 450 → "4.5", 5 → "0.05".
func FormatPoints(c int64) string {
	s := FormatCenti(c)
	if s[len(s)-1] == '0' {
		s = s[:len(s)-1]
		if s[len(s)-1] == '0' {
			s = s[:len(s)-2]
		}
	}
	return s
}
