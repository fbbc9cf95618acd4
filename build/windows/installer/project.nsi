Unicode true

####
## 联看评 installer (NSIS 3). `make windows` builds it through `wails build -nsis`, which writes
## wails_tools.nsh beside this file (with the version from wails.json) and then runs
##   makensis -DARG_WAILS_AMD64_BINARY=<exe> project.nsi
## in this folder. To run makensis by hand, build once with `make windows` first.
##
## The installer is Simplified Chinese, installs for all users (it asks for administrator rights),
## adds a start-menu entry and a desktop shortcut, and its uninstaller removes the program only:
## the user's data in %AppData%\liankanping (the database, its backups) is never touched.
##
## WebView2: if build/windows/WebView2/msedgewebview2.exe exists when the installer is built (a
## fixed-version runtime, see docs/release.md), that folder is installed beside the exe and the
## app uses it, so installation and start need no network. Otherwise the installer runs
## Microsoft's bootstrapper when no WebView2 runtime is installed, which needs a network.
####

!define INFO_PROJECTNAME   "liankanping"
!define INFO_PRODUCTNAME   "联看评"
!define PRODUCT_EXECUTABLE "liankanping.exe"
!define UNINST_KEY_NAME    "liankanping"
# The window's title, to notice a running copy before files are replaced or removed.
!define APP_WINDOW_TITLE   "联看评 · 机关党建观摩评分"

!define WAILS_WIN10_REQUIRED              "联看评需要 Windows 10 或更高版本。"
!define WAILS_ARCHITECTURE_NOT_SUPPORTED  "联看评只能安装在 64 位（x64）Windows 上。"
!define WAILS_INSTALL_WEBVIEW_DETAILPRINT "正在安装 Microsoft WebView2 运行时（需要网络）……"

!include "wails_tools.nsh"

!define WEBVIEW2_FIXED_DIR "..\WebView2"
!if /FileExists "${WEBVIEW2_FIXED_DIR}\msedgewebview2.exe"
    !define WEBVIEW2_FIXED
    !echo "WebView2 fixed-version runtime found in ${WEBVIEW2_FIXED_DIR}: it goes into the installer"
!endif

ManifestDPIAware true
# About a third smaller than the default zlib, which matters most with the WebView2 runtime inside.
SetCompressor /SOLID lzma

!include "MUI2.nsh"
!include "LogicLib.nsh"

!define MUI_ICON   "..\icon.ico"
!define MUI_UNICON "..\icon.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_NOAUTOCLOSE
# No "run now" box on the finish page: the installer runs elevated, and a standard user who
# typed an administrator's password would start the app as that administrator, with the
# administrator's data folder.
!define MUI_WELCOMEPAGE_TEXT "安装程序将在这台电脑上安装 ${INFO_PRODUCTNAME} ${INFO_PRODUCTVERSION}（机关党建观摩评分）。$\r$\n$\r$\n联看评不需要网络。如果以前装过，直接安装即可升级，数据不会丢失。$\r$\n$\r$\n点击“下一步”继续。"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "将从这台电脑上删除联看评程序。$\r$\n您的数据（数据库和备份，位于 %AppData%\liankanping）会保留，重新安装后继续可用；如确实不再需要，可以手动删除该文件夹。"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"

# The version information of the installer itself: four numbers.
VIProductVersion "${INFO_PRODUCTVERSION}.0"
VIFileVersion    "${INFO_PRODUCTVERSION}.0"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "CompanyName"     "${INFO_COMPANYNAME}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${INFO_PRODUCTNAME} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion"  "${INFO_PRODUCTVERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion"     "${INFO_PRODUCTVERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright"  "${INFO_COPYRIGHT}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName"     "${INFO_PRODUCTNAME}"

## Code signing (docs/release.md): with a certificate, uncomment and point at your signing command.
## %1 is the file to sign; both the uninstaller (written into the installer) and the installer get signed.
# !uninstfinalize 'osslsigncode sign -pkcs12 cert.pfx -readpass pass.txt -n "联看评" -t http://timestamp.digicert.com -in "%1" -out "%1.signed" && mv "%1.signed" "%1"'
# !finalize       'osslsigncode sign -pkcs12 cert.pfx -readpass pass.txt -n "联看评" -t http://timestamp.digicert.com -in "%1" -out "%1.signed" && mv "%1.signed" "%1"'

Name "${INFO_PRODUCTNAME}"
Caption "${INFO_PRODUCTNAME} ${INFO_PRODUCTVERSION} 安装"
UninstallCaption "${INFO_PRODUCTNAME} 卸载"
OutFile "..\..\bin\${INFO_PROJECTNAME}-${INFO_PRODUCTVERSION}-${ARCH}-installer.exe"
InstallDir "$PROGRAMFILES64\Liankanping"
ShowInstDetails show
ShowUninstDetails show

# waitForApp asks the user to close a running 联看评, since its files cannot be replaced or removed
# while it runs (and closing it first lets it finish writing the database).
!macro waitForApp
    ${Do}
        FindWindow $0 "wailsWindow" "${APP_WINDOW_TITLE}"
        ${If} $0 == 0
            ${Break}
        ${EndIf}
        MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "联看评正在运行。请先关闭联看评窗口，然后点“重试”。" /SD IDCANCEL IDRETRY +2
        Abort
    ${Loop}
!macroend

Function .onInit
    !insertmacro wails.checkArchitecture
    # An upgrade goes where the last version went (the key is in the 64-bit registry view).
    SetRegView 64
    ReadRegStr $0 HKLM "Software\Microsoft\Windows\CurrentVersion\Uninstall\${UNINST_KEY_NAME}" "InstallLocation"
    ${If} $0 != ""
        StrCpy $INSTDIR $0
    ${EndIf}
FunctionEnd

Function un.onInit
    SetRegView 64
FunctionEnd

Section
    !insertmacro waitForApp
    !insertmacro wails.setShellContext

    !ifdef WEBVIEW2_FIXED
        SetOutPath "$INSTDIR\WebView2"
        DetailPrint "正在安装随附的 WebView2 固定版本运行时……"
        SetDetailsPrint listonly
        File /r "${WEBVIEW2_FIXED_DIR}\*.*"
        SetDetailsPrint both
        # The fixed-version runtime 120 and later runs its renderer in an app container: on
        # Windows 10 the folder must be readable by ALL APPLICATION PACKAGES (S-1-15-2-1) and
        # ALL RESTRICTED APPLICATION PACKAGES (S-1-15-2-2), or the page crashes on start.
        nsExec::ExecToLog 'icacls "$INSTDIR\WebView2" /grant *S-1-15-2-2:(OI)(CI)(RX) /Q'
        Pop $0
        nsExec::ExecToLog 'icacls "$INSTDIR\WebView2" /grant *S-1-15-2-1:(OI)(CI)(RX) /Q'
        Pop $0
    !else
        !insertmacro wails.webview2runtime
    !endif

    SetOutPath $INSTDIR
    !insertmacro wails.files

    CreateShortcut "$SMPROGRAMS\${INFO_PRODUCTNAME}.lnk" "$INSTDIR\${PRODUCT_EXECUTABLE}" "" "$INSTDIR\${PRODUCT_EXECUTABLE}" 0 SW_SHOWNORMAL "" "机关党建观摩评分"
    CreateShortcut "$DESKTOP\${INFO_PRODUCTNAME}.lnk" "$INSTDIR\${PRODUCT_EXECUTABLE}" "" "$INSTDIR\${PRODUCT_EXECUTABLE}" 0 SW_SHOWNORMAL "" "机关党建观摩评分"

    !insertmacro wails.writeUninstaller
    WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
SectionEnd

# The uninstaller removes what the installer put down, by name, and never %AppData%\liankanping:
# the database and its backups are the user's work.
Section "uninstall"
    !insertmacro waitForApp
    !insertmacro wails.setShellContext

    Delete "$INSTDIR\${PRODUCT_EXECUTABLE}"
    RMDir /r "$INSTDIR\WebView2"

    Delete "$SMPROGRAMS\${INFO_PRODUCTNAME}.lnk"
    Delete "$DESKTOP\${INFO_PRODUCTNAME}.lnk"

    !insertmacro wails.deleteUninstaller
    # Only if empty: a folder the user chose may hold other things.
    RMDir "$INSTDIR"
SectionEnd
