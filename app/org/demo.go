package org

import (
	"context"
	"fmt"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/demo/accounts"
	"github.com/servicestar/servicestar/app/module"
	"github.com/servicestar/servicestar/app/password"
)

// seed builds the two demo banks: their trees and their people. It runs
// first among the areas' seeds, so the others find these logins.
func (s *Service) seed(ctx context.Context, _ module.Demo) error {
	if err := s.seedDemo(ctx); err != nil {
		return fmt.Errorf("seed demo: %w", err)
	}
	if err := s.seedDemo2(ctx); err != nil {
		return fmt.Errorf("seed demo2: %w", err)
	}
	return nil
}

type demoBranch struct {
	code, name string
	subs       [][2]string
}

var demoTree = []demoBranch{
	{"north", "北方分行", [][2]string{{"north-chaoyang", "北方分行朝阳支行"}, {"north-haidian", "北方分行海淀支行"}, {"north-dongcheng", "北方分行东城支行"}}},
	{"south", "南方分行", [][2]string{{"south-tianhe", "南方分行天河支行"}, {"south-yuexiu", "南方分行越秀支行"}}},
	{"east", "东方分行", [][2]string{{"east-pudong", "东方分行浦东支行"}, {"east-xuhui", "东方分行徐汇支行"}, {"east-jingan", "东方分行静安支行"}}},
}

var surnames = []string{"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"}
var givens = []string{"伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "霞", "平", "刚", "燕", "辉"}

func demoPersonName(i int) string { return surnames[i%len(surnames)] + givens[(i*7+3)%len(givens)] }

func (s *Service) seedDemo(ctx context.Context) error {
	t, _, err := s.CreateTenant(ctx, NewTenant{Slug: "demo", Name: "星海银行（演示）", TimeZone: "Asia/Shanghai", DefaultLocale: "zh-CN", HeadOfficeName: "星海银行总行"}, "demo-seed")
	if err != nil {
		return err
	}
	admin, err := s.Bootstrap(ctx, t.ID, NewUser{Username: "admin", DisplayName: "系统管理员", EmployeeCode: "XH0001", Password: accounts.Password, Ready: true}, "demo-seed")
	if err != nil {
		return err
	}
	ctx = withPrincipal(ctx, admin)
	root, err := rootOf(ctx, s, admin)
	if err != nil {
		return err
	}
	codes := map[string]int64{"HQ": root}
	for _, b := range demoTree {
		br, err := s.CreateBranch(ctx, admin, BranchInput{ParentID: root, Code: b.code, Name: b.name})
		if err != nil {
			return err
		}
		codes[b.code] = br.ID
		for _, sb := range b.subs {
			s, err := s.CreateBranch(ctx, admin, BranchInput{ParentID: br.ID, Code: sb[0], Name: sb[1]})
			if err != nil {
				return err
			}
			codes[sb[0]] = s.ID
		}
	}
	hash, err := password.Hash(accounts.Password)
	if err != nil {
		return err
	}
	n := 2
	add := func(username, name string, branch string, roles ...RoleGrant) error {
		_, err := s.CreateUser(ctx, admin, NewUser{Username: username, DisplayName: name, EmployeeCode: fmt.Sprintf("XH%04d", n),
			Email: username + "@demo.example", Password: accounts.Password, PasswordHash: hash, BranchID: codes[branch], Roles: roles, Ready: true})
		n++
		return err
	}
	named := []struct {
		user, name, branch string
		roles              []RoleGrant
	}{
		{"hr", "人力资源部 周敏", "HQ", []RoleGrant{{Role: "hr"}}},
		{"auditor", "内审部 钱立", "HQ", []RoleGrant{{Role: "auditor"}}},
		{"mgr.north", "北方分行行长 王磊", "north", []RoleGrant{{Role: "manager", BranchID: codes["north"]}}},
		{"mgr.south", "南方分行行长 陈静", "south", []RoleGrant{{Role: "manager", BranchID: codes["south"]}}},
		{"mgr.east", "东方分行行长 林涛", "east", []RoleGrant{{Role: "manager", BranchID: codes["east"]}}},
		{"mgr.chaoyang", "朝阳支行行长 赵娜", "north-chaoyang", []RoleGrant{{Role: "manager", BranchID: codes["north-chaoyang"]}}},
		{"emp.north.1", "朝阳支行理财经理 刘洋", "north-chaoyang", nil},
		{"emp.south.1", "南方分行大堂经理 黄艳", "south", nil},
	}
	for _, u := range named {
		if err := add(u.user, u.name, u.branch, u.roles...); err != nil {
			return fmt.Errorf("%s: %w", u.user, err)
		}
	}
	// About 40 staff in all: tellers, lobby managers and wealth managers spread over the tree.
	spread := []string{"north", "north-chaoyang", "north-haidian", "north-dongcheng", "south", "south-tianhe", "south-yuexiu", "east", "east-pudong", "east-xuhui", "east-jingan"}
	for i := 0; i < 32; i++ {
		b := spread[i%len(spread)]
		if err := add(fmt.Sprintf("staff.%s.%d", b, i/len(spread)+1), demoPersonName(i), b); err != nil {
			return err
		}
	}
	return nil
}

func (s *Service) seedDemo2(ctx context.Context) error {
	t, _, err := s.CreateTenant(ctx, NewTenant{Slug: "demo2", Name: "云岭农商银行（演示）", TimeZone: "Asia/Shanghai", DefaultLocale: "zh-CN", HeadOfficeName: "云岭农商银行总行"}, "demo-seed")
	if err != nil {
		return err
	}
	admin, err := s.Bootstrap(ctx, t.ID, NewUser{Username: "admin", DisplayName: "云岭管理员", EmployeeCode: "YL0001", Password: accounts.Password, Ready: true}, "demo-seed")
	if err != nil {
		return err
	}
	ctx = withPrincipal(ctx, admin)
	root, err := rootOf(ctx, s, admin)
	if err != nil {
		return err
	}
	br, err := s.CreateBranch(ctx, admin, BranchInput{ParentID: root, Code: "kunming", Name: "昆明分行"})
	if err != nil {
		return err
	}
	for i, u := range []struct {
		user, name string
		roles      []RoleGrant
	}{
		{"emp.1", "昆明分行柜员 杨帆", nil},
		{"emp.2", "昆明分行客户经理 马丽", nil},
		{"mgr.1", "昆明分行行长 段然", []RoleGrant{{Role: "manager", BranchID: br.ID}}},
		{"hr", "云岭人力资源部 林静", []RoleGrant{{Role: "hr", BranchID: root}}},
	} {
		_, err := s.CreateUser(ctx, admin, NewUser{Username: u.user, DisplayName: u.name, EmployeeCode: fmt.Sprintf("YL%04d", i+2),
			Password: accounts.Password, BranchID: br.ID, Roles: u.roles, Ready: true})
		if err != nil {
			return err
		}
	}
	return nil
}

func rootOf(ctx context.Context, s *Service, p *access.Principal) (int64, error) {
	bs, err := s.ListBranches(ctx, p)
	if err != nil {
		return 0, err
	}
	return bs[0].ID, nil
}

func withPrincipal(ctx context.Context, p *access.Principal) context.Context {
	return access.With(ctx, p)
}
