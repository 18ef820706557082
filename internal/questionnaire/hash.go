package questionnaire

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
)

// ComputeHash returns the hex SHA-256 of q's canonical form: q marshalled by
// encoding/json (maps with sorted keys, so the form is deterministic) with Hash, File
// and Default cleared. The hash follows what a team is asked, not how the file is
// laid out, where it lives or whether it is the current default.
func (q *Questionnaire) ComputeHash() (string, error) {
	c := *q
	c.Hash, c.File, c.Default = "", "", false
	data, err := json.Marshal(&c)
	if err != nil {
		return "", fmt.Errorf("canonical form of questionnaire %s %s: %w", q.ID, q.Version, err)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:]), nil
}
