// Package demo seeds a fictitious bank (and a second one, to show isolation)
// through the same services the API uses, so the demo's audit log is real.
package demo

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/password"
	"github.com/servicestar/servicestar/app/training"
)

// Password is every demo login's password.
const Password = "demo12345"

// Login is one demo account, printed by `make run` and listed in the README.
type Login struct {
	Tenant, Username, Role string
}

// Logins lists every demo account the README lists (a test holds the two
// together), so that `demo` prints all of them.
var Logins = []Login{
	{"demo", "admin", "tenant_admin"},
	{"demo", "hr", "hr"},
	{"demo", "auditor", "auditor"},
	{"demo", "mgr.north", "manager (北方分行 North branch)"},
	{"demo", "emp.north.1", "employee (北方分行朝阳支行)"},
	{"demo", "emp.south.1", "employee (南方分行 South branch)"},
	{"demo2", "admin", "tenant_admin"},
	{"demo2", "hr", "hr"},
	{"demo2", "mgr.1", "manager (昆明分行 Kunming branch)"},
	{"demo2", "emp.1", "employee (昆明分行)"},
	{"demo2", "emp.2", "employee (昆明分行)"},
}

type branchSpec struct {
	code, name string
	subs       [][2]string
}

var demoTree = []branchSpec{
	{"north", "北方分行", [][2]string{{"north-chaoyang", "北方分行朝阳支行"}, {"north-haidian", "北方分行海淀支行"}, {"north-dongcheng", "北方分行东城支行"}}},
	{"south", "南方分行", [][2]string{{"south-tianhe", "南方分行天河支行"}, {"south-yuexiu", "南方分行越秀支行"}}},
	{"east", "东方分行", [][2]string{{"east-pudong", "东方分行浦东支行"}, {"east-xuhui", "东方分行徐汇支行"}, {"east-jingan", "东方分行静安支行"}}},
}

var surnames = []string{"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"}
var givens = []string{"伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "霞", "平", "刚", "燕", "辉"}

func personName(i int) string { return surnames[i%len(surnames)] + givens[(i*7+3)%len(givens)] }

// Seed creates the demo tenants when the database has none. It reports
// whether it seeded.
func Seed(ctx context.Context, svc *org.Service, train *training.Service, operatorUser, operatorPassword string) (bool, error) {
	ts, err := svc.ListTenants(ctx)
	if err != nil {
		return false, err
	}
	if len(ts) > 0 {
		return false, nil
	}
	if err := seedOperator(ctx, svc.DB.W, svc, operatorUser, operatorPassword); err != nil {
		return false, err
	}
	if err := seedDemo(ctx, svc); err != nil {
		return false, fmt.Errorf("seed demo: %w", err)
	}
	if err := seedDemo2(ctx, svc); err != nil {
		return false, fmt.Errorf("seed demo2: %w", err)
	}
	if err := seedLibrary(ctx, svc, train); err != nil {
		return false, fmt.Errorf("seed scenario library: %w", err)
	}
	if err := seedAssignments(ctx, svc, train, train.Now()); err != nil {
		return false, fmt.Errorf("seed assignments: %w", err)
	}
	if err := seedAttempts(ctx, svc, train); err != nil {
		return false, fmt.Errorf("seed training attempts: %w", err)
	}
	return true, nil
}

func seedOperator(ctx context.Context, db *gorm.DB, svc *org.Service, user, pw string) error {
	hash, err := password.Hash(pw)
	if err != nil {
		return err
	}
	return db.WithContext(ctx).Exec("INSERT INTO platform_operators (username, display_name, password_hash, created_at) VALUES (?, ?, ?, ?)",
		user, "Platform operator", hash, svc.Now().UTC()).Error
}

func seedDemo(ctx context.Context, svc *org.Service) error {
	t, _, err := svc.CreateTenant(ctx, org.NewTenant{Slug: "demo", Name: "星海银行（演示）", TimeZone: "Asia/Shanghai", DefaultLocale: "zh-CN", HeadOfficeName: "星海银行总行"}, "demo-seed")
	if err != nil {
		return err
	}
	admin, err := svc.Bootstrap(ctx, t.ID, org.NewUser{Username: "admin", DisplayName: "系统管理员", EmployeeCode: "XH0001", Password: Password, Ready: true}, "demo-seed")
	if err != nil {
		return err
	}
	ctx = withPrincipal(ctx, admin)
	root, err := rootOf(ctx, svc, admin)
	if err != nil {
		return err
	}
	codes := map[string]int64{"HQ": root}
	for _, b := range demoTree {
		br, err := svc.CreateBranch(ctx, admin, org.BranchInput{ParentID: root, Code: b.code, Name: b.name})
		if err != nil {
			return err
		}
		codes[b.code] = br.ID
		for _, sb := range b.subs {
			s, err := svc.CreateBranch(ctx, admin, org.BranchInput{ParentID: br.ID, Code: sb[0], Name: sb[1]})
			if err != nil {
				return err
			}
			codes[sb[0]] = s.ID
		}
	}
	hash, err := password.Hash(Password)
	if err != nil {
		return err
	}
	n := 2
	add := func(username, name string, branch string, roles ...org.RoleGrant) error {
		_, err := svc.CreateUser(ctx, admin, org.NewUser{Username: username, DisplayName: name, EmployeeCode: fmt.Sprintf("XH%04d", n),
			Email: username + "@demo.example", Password: Password, PasswordHash: hash, BranchID: codes[branch], Roles: roles, Ready: true})
		n++
		return err
	}
	named := []struct {
		user, name, branch string
		roles              []org.RoleGrant
	}{
		{"hr", "人力资源部 周敏", "HQ", []org.RoleGrant{{Role: "hr"}}},
		{"auditor", "内审部 钱立", "HQ", []org.RoleGrant{{Role: "auditor"}}},
		{"mgr.north", "北方分行行长 王磊", "north", []org.RoleGrant{{Role: "manager", BranchID: codes["north"]}}},
		{"mgr.south", "南方分行行长 陈静", "south", []org.RoleGrant{{Role: "manager", BranchID: codes["south"]}}},
		{"mgr.east", "东方分行行长 林涛", "east", []org.RoleGrant{{Role: "manager", BranchID: codes["east"]}}},
		{"mgr.chaoyang", "朝阳支行行长 赵娜", "north-chaoyang", []org.RoleGrant{{Role: "manager", BranchID: codes["north-chaoyang"]}}},
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
		if err := add(fmt.Sprintf("staff.%s.%d", b, i/len(spread)+1), personName(i), b); err != nil {
			return err
		}
	}
	return nil
}

func seedDemo2(ctx context.Context, svc *org.Service) error {
	t, _, err := svc.CreateTenant(ctx, org.NewTenant{Slug: "demo2", Name: "云岭农商银行（演示）", TimeZone: "Asia/Shanghai", DefaultLocale: "zh-CN", HeadOfficeName: "云岭农商银行总行"}, "demo-seed")
	if err != nil {
		return err
	}
	admin, err := svc.Bootstrap(ctx, t.ID, org.NewUser{Username: "admin", DisplayName: "云岭管理员", EmployeeCode: "YL0001", Password: Password, Ready: true}, "demo-seed")
	if err != nil {
		return err
	}
	ctx = withPrincipal(ctx, admin)
	root, err := rootOf(ctx, svc, admin)
	if err != nil {
		return err
	}
	br, err := svc.CreateBranch(ctx, admin, org.BranchInput{ParentID: root, Code: "kunming", Name: "昆明分行"})
	if err != nil {
		return err
	}
	for i, u := range []struct {
		user, name string
		roles      []org.RoleGrant
	}{
		{"emp.1", "昆明分行柜员 杨帆", nil},
		{"emp.2", "昆明分行客户经理 马丽", nil},
		{"mgr.1", "昆明分行行长 段然", []org.RoleGrant{{Role: "manager", BranchID: br.ID}}},
		{"hr", "云岭人力资源部 林静", []org.RoleGrant{{Role: "hr", BranchID: root}}},
	} {
		_, err := svc.CreateUser(ctx, admin, org.NewUser{Username: u.user, DisplayName: u.name, EmployeeCode: fmt.Sprintf("YL%04d", i+2),
			Password: Password, BranchID: br.ID, Roles: u.roles, Ready: true})
		if err != nil {
			return err
		}
	}
	return nil
}

func rootOf(ctx context.Context, svc *org.Service, p *access.Principal) (int64, error) {
	bs, err := svc.ListBranches(ctx, p)
	if err != nil {
		return 0, err
	}
	return bs[0].ID, nil
}

func withPrincipal(ctx context.Context, p *access.Principal) context.Context {
	return context.WithValue(ctx, access.LocalsKey, p) //nolint:staticcheck // the key is the string Fiber locals use
}
