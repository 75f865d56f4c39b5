package org

import (
	"strings"

	"github.com/servicestar/servicestar/app/apperr"
)

// column is one column of an import template: the key the code reads and
// the headers a person sees, in Chinese and in English.
type column struct{ key, zh, en string }

// userColumns are the user template's columns. There is no password
// column: a new user gets a one-time initial password, shown once in the
// import report, and must change it at first sign-in.
var userColumns = []column{
	{"username", "用户名", "Username"},
	{"display_name", "姓名", "Name"},
	{"employee_code", "员工编号", "Employee code"},
	{"email", "电子邮件", "Email"},
	{"branch_code", "所属机构代码", "Home branch code"},
	{"role", "角色", "Role"},
}

// branchColumns are the branch template's columns.
var branchColumns = []column{
	{"code", "机构代码", "Branch code"},
	{"name", "机构名称", "Branch name"},
	{"parent_code", "上级机构代码", "Parent branch code"},
}

// headerKeys maps every header a file may carry (the key itself, as older
// templates wrote it, or either language's text) to its key. A password
// column of an older file is still read.
var headerKeys = func() map[string]string {
	m := map[string]string{"password": "password", "密码": "password", "初始密码": "password"}
	for _, cols := range [][]column{userColumns, branchColumns} {
		for _, c := range cols {
			for _, h := range []string{c.key, c.zh, c.en} {
				m[strings.ToLower(h)] = c.key
			}
		}
	}
	m["上级机构"] = "parent_code"
	m["邮箱"] = "email"
	return m
}()

// headerKey is the key of a header cell as typed.
func headerKey(h string) string {
	h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
	if k, ok := headerKeys[h]; ok {
		return k
	}
	return h
}

// templateHeader is a template's header row in lang.
func templateHeader(cols []column, lang apperr.Lang) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.en
		if lang == apperr.Chinese {
			out[i] = c.zh
		}
	}
	return out
}

// UserImportColumns and BranchImportColumns are the keys of the templates.
var (
	UserImportColumns   = keys(userColumns)
	BranchImportColumns = keys(branchColumns)
)

func keys(cols []column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.key
	}
	return out
}
