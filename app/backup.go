package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"

	"github.com/servicestar/servicestar/app/config"
	"github.com/servicestar/servicestar/app/store"
)

// backup writes a consistent copy of the SQLite database to the one file
// named, while a server may be running on it.
func backup(ctx context.Context, cfg config.Config, log *slog.Logger, args []string) error {
	if len(args) != 1 {
		return errors.New("usage: servicestar backup [flags] FILE")
	}
	path, err := store.SQLitePath(cfg.DatabaseURL)
	if err != nil {
		return err
	}
	// Open would create an empty database; a backup of nothing is a mistake.
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("no database to back up at %s: %w", path, err)
	}
	db, err := store.Open(cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Backup(ctx, args[0]); err != nil {
		return err
	}
	st, err := os.Stat(args[0])
	if err != nil {
		return err
	}
	log.Info("backup written", "database", path, "file", args[0], "bytes", st.Size())
	fmt.Printf("Backup of %s written to %s (%d bytes, integrity check ok).\n", path, args[0], st.Size())
	return nil
}

// restore puts a backup in place of the SQLite database, refusing while a
// server has it open.
func restore(ctx context.Context, cfg config.Config, log *slog.Logger, args []string) error {
	if len(args) != 1 {
		return errors.New("usage: servicestar restore [flags] FILE")
	}
	path, err := store.SQLitePath(cfg.DatabaseURL)
	if err != nil {
		return err
	}
	replaced, err := store.Restore(ctx, cfg.DatabaseURL, args[0])
	if errors.Is(err, store.ErrInUse) {
		return fmt.Errorf("refusing to restore into %s: %w", path, err)
	}
	if err != nil {
		return err
	}
	log.Info("database restored", "database", path, "from", args[0], "replaced", replaced)
	fmt.Printf("Restored %s into %s.\n", args[0], path)
	if replaced != "" {
		fmt.Printf("The database it replaced was moved to %s (delete it once you no longer need it).\n", replaced)
	}
	fmt.Println("The next start migrates it forward if the backup is from an older version.")
	return nil
}
