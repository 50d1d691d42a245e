// Package osfile reads the files a user names (reports, last year's report, fonts) defensively: only
// regular files, never more than a limit plus one byte, and with operating-system errors explained in
// Chinese. Every message says what is wrong and what to do; callers prefix the path.
package osfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// Error is a problem with a file the user named: Msg is Chinese and does not repeat the path.
type Error struct {
	Path string
	Msg  string
	Err  error // the underlying error, when there is one
}

func (e *Error) Error() string { return e.Msg }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// ErrTooLarge is wrapped by the error Read returns for a file over its limit.
var ErrTooLarge = errors.New("file too large")

// Kind names what a non-regular file is, in Chinese ("目录", "命名管道（FIFO）", …); "" for a regular file.
func Kind(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return ""
	case m.IsDir():
		return "目录"
	case m&fs.ModeNamedPipe != 0:
		return "命名管道（FIFO）"
	case m&fs.ModeSocket != 0:
		return "套接字"
	case m&fs.ModeCharDevice != 0:
		return "字符设备"
	case m&fs.ModeDevice != 0:
		return "块设备"
	case m&fs.ModeIrregular != 0:
		return "特殊文件"
	}
	return "特殊文件"
}

// Regular returns the file's information when path names a regular file (symbolic links followed), else an
// *Error saying what it is instead.
func Regular(path string) (fs.FileInfo, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, &Error{Path: path, Msg: Explain(err), Err: err}
	}
	if k := Kind(st.Mode()); k != "" {
		return nil, &Error{Path: path, Msg: "是" + k + "，不是普通文件；请给出文件的路径"}
	}
	return st, nil
}

// Read returns the contents of the regular file path, refusing anything that is not a regular file
// (directories, FIFOs, devices: a FIFO would block forever, /dev/zero never ends) and any file larger than
// limit bytes; it never reads more than limit+1 bytes. what names the kind of file in the size message
// ("报告文件", "字体文件").
func Read(path string, limit int64, what string) ([]byte, error) {
	if _, err := Regular(path); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{Path: path, Msg: Explain(err), Err: err}
	}
	defer f.Close()
	// The file may have been swapped between Stat and Open: check what was opened.
	st, err := f.Stat()
	if err != nil {
		return nil, &Error{Path: path, Msg: Explain(err), Err: err}
	}
	if k := Kind(st.Mode()); k != "" {
		return nil, &Error{Path: path, Msg: "是" + k + "，不是普通文件；请给出文件的路径"}
	}
	if st.Size() > limit {
		return nil, tooLarge(path, limit, what)
	}
	var b bytes.Buffer
	b.Grow(int(max(st.Size(), 0)) + 1)
	if _, err := b.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, &Error{Path: path, Msg: Explain(err), Err: err}
	}
	if int64(b.Len()) > limit {
		return nil, tooLarge(path, limit, what)
	}
	return b.Bytes(), nil
}

func tooLarge(path string, limit int64, what string) error {
	return &Error{Path: path, Err: ErrTooLarge, Msg: fmt.Sprintf("文件过大：%s不得超过 %s；请检查是否选错了文件", what, size(limit))}
}

func size(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d 字节", n)
}

// Explain says in Chinese what an operating-system error on a file means and what to do about it. Errors it
// does not know are shown as they are, after a Chinese lead.
func Explain(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Msg
	}
	var errno syscall.Errno
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "文件或文件夹不存在；请检查路径和文件名（含扩展名）是否写对"
	case errors.Is(err, fs.ErrPermission):
		return "没有访问权限；请检查文件或文件夹的权限，或换一个位置"
	case errors.As(err, &errno):
		switch errno {
		case syscall.ENOTDIR:
			return "路径中有一段是文件而不是文件夹；请检查路径"
		case syscall.EISDIR:
			return "是目录，不是文件；请给出文件的路径"
		case syscall.ENAMETOOLONG:
			return "文件名或路径过长；请缩短文件名（不超过 255 字节，约 85 个汉字）"
		case syscall.ENOSPC:
			return "磁盘空间不足；请清理磁盘后重试"
		case syscall.EROFS:
			return "所在磁盘是只读的；请换一个输出文件夹（-o）"
		case syscall.EEXIST:
			return "已存在同名文件；请换一个名字或位置"
		case syscall.ELOOP:
			return "符号链接循环；请检查路径"
		case syscall.EIO:
			return "读写出错（磁盘或网络盘故障）；请检查磁盘后重试"
		case syscall.EMFILE, syscall.ENFILE:
			return "打开的文件过多；请稍后重试"
		case syscall.EXDEV:
			return "不能跨磁盘改名；请把输出文件夹放在同一磁盘上"
		}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return "系统错误（" + err.Error() + "）；请检查路径与权限"
}
