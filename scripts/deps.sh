# Sourced by scripts/run-app and scripts/run-tests: installs the Debian 12 packages the
# build and the tests need, only those that are missing (as root, or through sudo).
PLAYBOOK_PACKAGES=(
    cmake ninja-build g++ pkgconf
    qt6-base-dev qt6-base-dev-tools libgl-dev
    libsqlite3-dev sqlite3
    libqcustomplot-dev libqcustomplot2.1-qt6
    # Spreadsheets: .xlsx written by libxlsxwriter, unpacked for reading by minizip (which
    # libxlsxwriter uses too); the tests read what we export as a spreadsheet would (openpyxl).
    libxlsxwriter-dev libminizip-dev python3-openpyxl
    # PDF checks in the tests; a CJK font so that names such as 東京 print (macOS and
    # Windows bring their own).
    poppler-utils fonts-wqy-microhei
    # The fuzz targets: clang and its libFuzzer runtime.
    clang libclang-rt-14-dev
    qt6-wayland
    # Packaging: the .deb's library dependencies (dpkg-shlibdeps) and the validators of the
    # desktop entry and the metainfo; xdg-mime for the install check.
    dpkg-dev desktop-file-utils appstream xdg-utils shared-mime-info libglib2.0-bin
)

playbook_install_missing() {
    local missing=()
    local package
    for package in "${PLAYBOOK_PACKAGES[@]}" "$@"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$package")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    echo "Installing missing Debian packages: ${missing[*]}"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo="sudo"
        else
            echo "error: these packages are missing and you are not root: ${missing[*]}" >&2
            echo "Install them (apt-get install ${missing[*]}) and run this again." >&2
            return 1
        fi
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
