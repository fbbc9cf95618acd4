package evidence

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"

	"golang.org/x/image/draw"
)

// thumbSize is the longest side of a thumbnail, in pixels: enough for a sharp 160-pixel tile on
// a high-density screen.
const thumbSize = 320

// maxPixels bounds the images thumbnailed: a small file may claim a huge size (a decompression
// bomb), and decoding it would take the window's memory.
const maxPixels = 80_000_000

// thumbnail makes a JPEG thumbnail of a JPEG or PNG image, upright as its EXIF orientation
// says. It returns nil for what it cannot draw: a HEIC photo (no decoder in pure Go), a corrupt
// or truncated image, or one too large; the window then shows a file icon or a broken image.
// Nothing it meets may panic.
func thumbnail(mime string, data []byte) (out []byte) {
	if mime != "image/jpeg" && mime != "image/png" {
		return nil
	}
	defer func() {
		if recover() != nil {
			out = nil
		}
	}()
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > maxPixels {
		return nil
	}
	var img image.Image
	if mime == "image/jpeg" {
		img, err = jpeg.Decode(bytes.NewReader(data))
	} else {
		img, err = png.Decode(bytes.NewReader(data))
	}
	if err != nil {
		return nil
	}
	orient := 1
	if mime == "image/jpeg" {
		orient = exifOrientation(data)
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	scale := min(1, float64(thumbSize)/float64(max(w, h)))
	tw, th := max(1, int(float64(w)*scale)), max(1, int(float64(h)*scale))
	small := image.NewRGBA(image.Rect(0, 0, tw, th))
	// A white ground under transparent PNGs, since JPEG has no alpha.
	draw.Draw(small, small.Bounds(), &image.Uniform{color.White}, image.Point{}, draw.Src)
	draw.ApproxBiLinear.Scale(small, small.Bounds(), img, b, draw.Over, nil)
	upright := orientImage(small, orient)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, upright, &jpeg.Options{Quality: 80}); err != nil {
		return nil
	}
	return buf.Bytes()
}

// exifOrientation reads the orientation tag (0x0112) of a JPEG's EXIF block, 1 (upright) when
// there is none or it cannot be read. Phones store photos as the sensor saw them and say in this
// tag how to turn them.
func exifOrientation(data []byte) int {
	p := 2
	for p+4 <= len(data) && data[p] == 0xff {
		marker := data[p+1]
		size := int(binary.BigEndian.Uint16(data[p+2:]))
		if marker == 0xda || size < 2 || p+2+size > len(data) {
			return 1
		}
		seg := data[p+4 : p+2+size]
		if marker == 0xe1 && len(seg) > 14 && string(seg[:6]) == "Exif\x00\x00" {
			return tiffOrientation(seg[6:])
		}
		p += 2 + size
	}
	return 1
}

func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 1
	}
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 1
	}
	ifd := int(bo.Uint32(t[4:]))
	if ifd < 8 || ifd+2 > len(t) {
		return 1
	}
	n := int(bo.Uint16(t[ifd:]))
	for i := 0; i < n; i++ {
		e := ifd + 2 + 12*i
		if e+12 > len(t) {
			return 1
		}
		if bo.Uint16(t[e:]) == 0x0112 {
			if v := int(bo.Uint16(t[e+8:])); v >= 1 && v <= 8 {
				return v
			}
			return 1
		}
	}
	return 1
}

// orientImage turns src upright for an EXIF orientation 1–8.
func orientImage(src *image.RGBA, orient int) image.Image {
	if orient <= 1 || orient > 8 {
		return src
	}
	w, h := src.Bounds().Dx(), src.Bounds().Dy()
	dw, dh := w, h
	if orient >= 5 {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			var dx, dy int
			switch orient {
			case 2:
				dx, dy = w-1-x, y
			case 3:
				dx, dy = w-1-x, h-1-y
			case 4:
				dx, dy = x, h-1-y
			case 5:
				dx, dy = y, x
			case 6:
				dx, dy = h-1-y, x
			case 7:
				dx, dy = h-1-y, w-1-x
			case 8:
				dx, dy = y, w-1-x
			}
			dst.SetRGBA(dx, dy, src.RGBAAt(x, y))
		}
	}
	return dst
}
