// A child process whose stdout the test reads line by line, for the tests that kill a process
// (kill -9) and look at what it had said before.
#pragma once

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

extern char** environ;

namespace naast::testing {

struct ChildProcess {
  pid_t pid = -1;
  int out = -1;        // the child's stdout
  std::string buffer;  // read but not yet returned by Line()

  // The next line of the child's stdout; empty when it ended.
  std::string Line() {
    char chunk[256];
    for (;;) {
      const auto nl = buffer.find('\n');
      if (nl != std::string::npos) {
        std::string line = buffer.substr(0, nl);
        buffer.erase(0, nl + 1);
        return line;
      }
      const ssize_t n = read(out, chunk, sizeof chunk);
      if (n <= 0) return {};
      buffer.append(chunk, static_cast<std::size_t>(n));
    }
  }
  // Closes its stdout and waits; the wait status.
  int Wait() {
    close(out);
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    return status;
  }
};

// Starts `program` with `args`, its stdout on a pipe to the test.
inline ChildProcess SpawnChild(const std::string& program, std::vector<std::string> args) {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, fds[0]);
  args.insert(args.begin(), program);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  ChildProcess c;
  REQUIRE(posix_spawn(&c.pid, program.c_str(), &actions, nullptr, argv.data(), environ) == 0);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  c.out = fds[0];
  return c;
}

}  // namespace naast::testing
