package questionnaire

// Validation of the answer definitions of scored items: the levels of a scale item and
// the options of choice and checklist items.

// levels checks that a scale item has exactly the levels 0..4, in order, each described,
// with an action on every level but the top one.
func (c itemCheck) levels() {
	levels := c.it.Levels
	if len(levels) == 0 {
		c.add("levels", "a scale item needs five levels, 0 to %d", ScaleMax)
		return
	}
	seen := map[int]bool{}
	clean := true
	for i, l := range levels {
		clean = c.level(i, l, seen) && clean
	}
	for v := 0; v <= ScaleMax; v++ {
		if !seen[v] {
			c.add("levels", "level %d is missing", v)
			clean = false
		}
	}
	if clean && !levelsInOrder(levels) {
		c.add("levels", "must be in order 0, 1, 2, 3, 4")
	}
}

// level checks one level; it reports whether its value is valid and new.
func (c itemCheck) level(i int, l fileLevel, seen map[int]bool) bool {
	if blank(l.Label) {
		c.add(listField("levels", i, "label"), "is missing")
	}
	if blank(l.Descriptor) {
		c.add(listField("levels", i, "descriptor"), "is missing")
	}
	if l.Value == nil {
		c.add(listField("levels", i, "value"), "is missing")
		return false
	}
	v := *l.Value
	switch {
	case v < 0 || v > ScaleMax:
		c.add(listField("levels", i, "value"), "must be 0..%d", ScaleMax)
		return false
	case v == ScaleMax && l.Action != nil:
		c.add(listField("levels", i, "action"), "the top level takes no action; remove it")
	case v < ScaleMax && !present(l.Action):
		c.add(listField("levels", i, "action"), "is missing (every level below %d says what to do next)", ScaleMax)
	}
	if seen[v] {
		c.add(listField("levels", i, "value"), "level %d appears more than once", v)
		return false
	}
	seen[v] = true
	return true
}

func levelsInOrder(levels []fileLevel) bool {
	for i, l := range levels {
		if *l.Value != i {
			return false
		}
	}
	return true
}

// choice checks a single-choice item. Choosing an option below the top score yields an
// action, so those options need one; the top option yields none, so it must not have one.
func (c itemCheck) choice() {
	if !c.options() {
		return
	}
	top := (&Item{Type: TypeChoice, Options: c.scoredOptions()}).MaxScore()
	if top == 0 {
		c.add("options", "at least one option must score more than 0")
		return
	}
	for i, o := range c.it.Options {
		switch {
		case *o.Score < top && !present(o.Action):
			c.add(listField("options", i, "action"), "is missing (the option scores below the item's maximum)")
		case *o.Score == top && o.Action != nil:
			c.add(listField("options", i, "action"), "an option with the top score takes no action; remove it")
		}
	}
}

// checklist checks a checklist item. Every option that scores says what to do when it
// is not in place; an option that scores 0 yields no action, so it must not have one.
func (c itemCheck) checklist() {
	if !c.options() {
		return
	}
	total := (&Item{Type: TypeChecklist, Options: c.scoredOptions()}).MaxScore()
	if total == 0 {
		c.add("options", "at least one option must score more than 0")
		return
	}
	for i, o := range c.it.Options {
		switch {
		case *o.Score > 0 && !present(o.Action):
			c.add(listField("options", i, "action"), "is missing (what to do when this is not in place)")
		case *o.Score == 0 && o.Action != nil:
			c.add(listField("options", i, "action"), "an option that scores 0 takes no action; remove it")
		}
	}
}

// options checks what choice and checklist options share; it reports whether every
// option has a valid score, so the callers can reason about scores.
func (c itemCheck) options() bool {
	opts := c.it.Options
	if len(opts) < 2 {
		c.add("options", "a %s item needs at least 2 options", c.it.Type)
	}
	ids := map[string]bool{}
	ok := true
	for i, o := range opts {
		switch {
		case o.ID == "":
			c.add(listField("options", i, "id"), "is missing")
		case !keyPattern.MatchString(o.ID):
			c.add(listField("options", i, "id"), "%q must be lowercase letters, digits, - or _", o.ID)
		case ids[o.ID]:
			c.add(listField("options", i, "id"), "%q is used by more than one option", o.ID)
		}
		ids[o.ID] = true
		if blank(o.Label) {
			c.add(listField("options", i, "label"), "is missing")
		}
		if o.Score == nil || *o.Score < 0 || *o.Score > maxOptionScore {
			c.add(listField("options", i, "score"), "must be a whole number 0..%d", maxOptionScore)
			ok = false
		}
	}
	return ok && len(opts) > 0
}

// scoredOptions converts the options for MaxScore; call it only once options() is ok.
func (c itemCheck) scoredOptions() []Option {
	opts := make([]Option, len(c.it.Options))
	for i, o := range c.it.Options {
		opts[i] = Option{ID: o.ID, Score: *o.Score}
	}
	return opts
}
