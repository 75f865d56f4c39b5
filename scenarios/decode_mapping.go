package scenarios

import "reflect"

func (d *decoder) decodeStruct(n *node, v reflect.Value, path string) {
	if n.kind != mappingNode {
		d.typeProblem(path, n, v.Type())
		return
	}
	fields := fieldsOf(v.Type())
	// Bit sets over fields.names (at most 64): a struct is decoded for every turn and
	// choice, and two small maps each time were a visible share of an upload's cost.
	var seen, hinted uint64 // hinted: fields an unknown key probably meant to be
	for i := 0; i+1 < len(n.items); i += 2 {
		k, val := n.items[i], n.items[i+1]
		if d.refusedKey(path, k) {
			continue
		}
		key, line := k.value, k.line
		fpath := join(path, key)
		f, known := fields.byName[key]
		if !known {
			hint, hintZH := "", ""
			if near := nearest(key, fields.names); near != "" {
				hint = ` (did you mean "` + near + `"?)`
				hintZH = "（是否应为“" + near + "”？）"
				hinted |= 1 << fields.byName[near].pos
			}
			d.add(fpath, line, CodeUnknownField, "field", display(fpath), "hint", hint, "hint_zh", hintZH)
			continue
		}
		bit := uint64(1) << f.pos
		if seen&bit != 0 {
			d.add(fpath, line, CodeDuplicateKey, "field", display(fpath))
			continue
		}
		d.lines.add(fpath, line)
		if val.kind == nullNode {
			continue // "key:" with no value counts as absent
		}
		seen |= bit
		d.decode(val, v.Field(f.index), fpath)
	}
	for i, name := range fields.names {
		bit := uint64(1) << i
		if hinted&bit != 0 && seen&bit == 0 {
			d.bad[join(path, name)] = true // the typo explains what is missing there
			continue
		}
		if fields.byName[name].required && seen&bit == 0 {
			fpath := join(path, name)
			line := keyLine(n, name) // "name:" with no value has a line
			if line == 0 {
				line = n.line
			}
			d.add(fpath, line, CodeRequired, "field", display(fpath))
		}
	}
}

func (d *decoder) decodeMap(n *node, v reflect.Value, path string) {
	if n.kind != mappingNode {
		d.typeProblem(path, n, v.Type())
		return
	}
	localized := v.Type() == textType || v.Type() == phrasingsType
	// Texts, two to a turn and three to a choice, are filled without reflection; other
	// maps through it, with one value to decode into, reused (SetMapIndex copies it).
	var (
		text Text
		m, e reflect.Value
	)
	if v.Type() == textType {
		text = make(Text, len(n.items)/2)
	} else {
		m = reflect.MakeMapWithSize(v.Type(), len(n.items)/2)
		e = reflect.New(v.Type().Elem()).Elem()
	}
	for i := 0; i+1 < len(n.items); i += 2 {
		k, val := n.items[i], n.items[i+1]
		if d.refusedKey(path, k) {
			continue
		}
		key, line := k.value, k.line
		kpath := join(path, key)
		var dup bool
		var rkey reflect.Value
		if text != nil {
			_, dup = text[key]
		} else {
			rkey = reflect.ValueOf(key).Convert(v.Type().Key())
			dup = m.MapIndex(rkey).IsValid()
		}
		if dup {
			d.add(kpath, line, CodeDuplicateKey, "field", display(kpath))
			continue
		}
		if localized && !contains(Locales, key) {
			hint := ` (languages are "zh-CN" and "en")`
			d.add(kpath, line, CodeUnknownField, "field", display(kpath), "hint", hint, "hint_zh", "（语言只能是 zh-CN 或 en）")
			continue
		}
		d.lines.add(kpath, line)
		if text != nil {
			var s string
			if val.kind == stringNode {
				s = val.value
			} else {
				d.decode(val, reflect.ValueOf(&s).Elem(), kpath)
			}
			text[key] = s
			continue
		}
		e.SetZero()
		d.decode(val, e, kpath)
		m.SetMapIndex(rkey, e)
	}
	if text != nil {
		v.Set(reflect.ValueOf(text))
	} else {
		v.Set(m)
	}
}

// keyLine is the line of key in mapping n, 0 when it is not there.
func keyLine(n *node, key string) int {
	for i := 0; i+1 < len(n.items); i += 2 {
		if k := n.items[i]; k.kind != unsupportedNode && k.value == key {
			return k.line
		}
	}
	return 0
}

// refusedKey reports a mapping key written with a YAML feature the format
// refuses (an anchor, alias, tag or complex key), in structs and maps alike.
func (d *decoder) refusedKey(path string, k *node) bool {
	if k.kind != unsupportedNode {
		return false
	}
	d.add(path, k.line, CodeUnsupportedYAML, "feature", k.value, "feature_zh", unsupportedFeatures[k.value])
	return true
}
