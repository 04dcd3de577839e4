// Command ferretdb runs FerretDB 1.24 (a MongoDB wire-protocol server) for development and CI: on PostgreSQL when
// given -postgresql-url (scripts/services.sh does so where a PostgreSQL answers), on SQLite otherwise.
// Built through the embeddable package because `go install .../cmd/ferretdb` panics without its version file.
package main

import (
	"context"
	"flag"
	"log"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	dir := flag.String("dir", ".data/ferretdb", "SQLite data directory")
	postgresqlURL := flag.String("postgresql-url", "", "PostgreSQL URL (postgres://user@host:port/db); SQLite when empty")
	flag.Parse()

	if err := os.MkdirAll(*dir, 0o700); err != nil {
		log.Fatalf("cannot create data directory: %v", err)
	}

	// Connection open/close lines at INFO drown everything else during tests.
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))

	config := &ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + *dir + "/",
	}
	backend := "sqlite in " + *dir
	if *postgresqlURL != "" {
		config.Handler = "postgresql"
		config.SQLiteURL = ""
		config.PostgreSQLURL = *postgresqlURL
		backend = "postgresql"
	}
	f, err := ferretdb.New(config)
	if err != nil {
		log.Fatal(err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	log.Printf("ferretdb listening on %s (%s)", *listen, backend)
	f.Run(ctx)
}
