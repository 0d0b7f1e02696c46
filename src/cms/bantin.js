// bantin's additions to Decap CMS, loaded right after decap-cms.js (admin/index.html).
// Made by bantin (src/cms/bantin.js): not to be edited in the output folder.
//
// 1. Vietnamese words for what Decap's own Vietnamese lacks or says awkwardly, on every screen
//    an editor uses: the list of articles, the editor, its buttons, the review columns, photos.
//    Decap's own words for the buttons an editor clicks (Đăng nhập, Lưu, Công bố, Công bố ngay,
//    Chọn một hình…) stay as they are: guides and tests name them.
// 2. Before an entry is saved: every text in Unicode NFC, as bantin writes (so a title typed
//    with a decomposed keyboard gives the same address as `bantin new`), and the fields an
//    editor emptied left out of the file instead of written as empty text.
(function () {
  'use strict';
  var CMS = window.CMS;
  if (!CMS) {
    return;
  }

  var VI = {
    app: {
      header: { content: 'Nội dung', workflow: 'Duyệt bài', media: 'Ảnh và tệp', quickAdd: 'Viết mới' },
    },
    collection: {
      sidebar: {
        collections: 'Loại nội dung',
        allCollections: 'Tất cả nội dung',
        searchAll: 'Tìm trong tất cả',
        searchIn: 'Tìm trong',
      },
      collectionTop: {
        viewAs: 'Xem dạng',
        viewAsList: 'Xem dạng danh sách',
        viewAsGrid: 'Xem dạng lưới',
        groupBy: 'Nhóm theo',
        newButton: 'Viết %{collectionLabel} mới',
        newButtonAriaLabel: 'Viết %{collectionLabel} mới',
      },
      entries: {
        unpublishedHeader: 'Bài chưa đăng',
        noEntries: 'Chưa có bài nào',
        cachingEntries: 'Đang tải...',
      },
      groups: { other: 'Khác', negateLabel: 'Không phải %{label}' },
    },
    editor: {
      editorControl: { field: { optional: 'không bắt buộc', widgetLabel: 'Ô %{widgetLabel}' } },
      editorInterface: {
        toggleI18n: 'Bật/tắt nhiều ngôn ngữ',
        togglePreview: 'Bật/tắt xem trước',
        toggleScrollSync: 'Cuộn cùng nhau',
        toggleNotes: 'Bật/tắt ghi chú',
      },
      editorNotesPane: {
        title: 'Ghi chú',
        emptyState: 'Chưa có ghi chú nào.',
        addNote: 'Thêm ghi chú',
        addPlaceholder: 'Viết ghi chú...',
        editPlaceholder: 'Sửa ghi chú...',
        save: 'Lưu',
        cancel: 'Hủy',
        edit: 'Sửa',
        delete: 'Xóa',
        resolve: 'Đã xử lý',
        unresolve: 'Chưa xử lý',
        confirmDelete: 'Bạn có chắc muốn xóa ghi chú này?',
        shortcut: 'Mẹo: bấm Ctrl+Enter để thêm ghi chú nhanh',
      },
      editorToolbar: {
        status: 'Trạng thái: %{status}',
        backCollection: ' Đang viết trong mục %{collectionLabel}',
        statusInfoTooltipDraft:
          'Bài đang là bản nháp. Khi viết xong, hãy chuyển trạng thái sang "Đang xét duyệt" để gửi duyệt.',
        statusInfoTooltipInReview:
          'Bài đang được xét duyệt, bạn không cần làm gì thêm. Bạn vẫn có thể sửa bài trong lúc chờ duyệt.',
        deleteUnpublishedChanges: 'Xóa các thay đổi chưa đăng',
        deleteUnpublishedEntry: 'Xóa bài chưa đăng này',
        deletePublishedEntry: 'Xóa bài đã đăng này',
        deleteEntry: 'Xóa bài này',
      },
      editorWidgets: {
        markdown: {
          richText: 'Soạn thảo thường',
          markdown: 'Mã Markdown',
          bold: 'Chữ đậm',
          italic: 'Chữ nghiêng',
          strikethrough: 'Gạch ngang',
          code: 'Mã',
          link: 'Liên kết',
          linkPrompt: 'Nhập địa chỉ của liên kết',
          headings: 'Đề mục',
          quote: 'Trích dẫn',
          bulletedList: 'Danh sách chấm đầu dòng',
          numberedList: 'Danh sách đánh số',
          addComponent: 'Chèn thành phần',
          toggleMode: { rich: 'Chuyển sang soạn thảo thường', markdown: 'Chuyển sang mã Markdown' },
        },
        image: {
          chooseMultiple: 'Chọn ảnh',
          chooseUrl: 'Chèn ảnh từ địa chỉ web',
          replaceUrl: 'Thay bằng địa chỉ web',
          promptUrl: 'Nhập địa chỉ của ảnh',
          addMore: 'Thêm ảnh',
          removeAll: 'Bỏ tất cả ảnh',
        },
        file: {
          choose: 'Chọn tệp',
          chooseDifferent: 'Chọn tệp khác',
          remove: 'Bỏ tệp',
          chooseUrl: 'Chèn tệp từ địa chỉ web',
          chooseMultiple: 'Chọn tệp',
          replaceUrl: 'Thay bằng địa chỉ web',
          promptUrl: 'Nhập địa chỉ của tệp',
          addMore: 'Thêm tệp',
          removeAll: 'Bỏ tất cả tệp',
        },
        datetime: { now: 'Bây giờ', clear: 'Xóa', setToNow: 'Đặt %{fieldLabel} là bây giờ' },
        list: { add: 'Thêm %{item}', addType: 'Thêm %{item}' },
        object: { expand: 'Mở ra', collapse: 'Thu gọn' },
      },
    },
    mediaLibrary: {
      mediaLibraryCard: {
        draft: 'Bản nháp',
        copy: 'Sao chép',
        copyUrl: 'Sao chép địa chỉ',
        copyPath: 'Sao chép đường dẫn',
        copyName: 'Sao chép tên',
        copied: 'Đã sao chép',
      },
      mediaLibrary: { onDelete: 'Bạn có chắc muốn xóa tệp này?' },
      mediaLibraryModal: {
        images: 'Ảnh',
        mediaAssets: 'Ảnh và tệp',
        noAssetsFound: 'Chưa có tệp nào.',
        noImagesFound: 'Chưa có ảnh nào.',
        upload: 'Tải lên',
        uploading: 'Đang tải lên...',
        download: 'Tải về',
        close: 'Đóng',
      },
    },
    ui: {
      settingsDropdown: { account: 'Tài khoản', logOut: 'Đăng xuất' },
      toast: {
        onFailToPersist: 'Không lưu được bài: %{details}',
        missingRequiredField: 'Bài còn thiếu thông tin bắt buộc. Hãy điền đủ rồi lưu lại.',
        entrySaved: 'Đã lưu bài',
        entryPublished: 'Đã đăng bài',
        entryUnpublished: 'Đã gỡ bài',
        onFailToPublishEntry: 'Không đăng được bài: %{details}',
        entryUpdated: 'Đã cập nhật trạng thái của bài',
        noteAdded: 'Đã thêm ghi chú',
        onFailToAddNote: 'Không thêm được ghi chú: %{details}',
        noteUpdated: 'Đã sửa ghi chú',
        onFailToUpdateNote: 'Không sửa được ghi chú: %{details}',
        noteDeleted: 'Đã xóa ghi chú',
        onFailToDeleteNote: 'Không xóa được ghi chú: %{details}',
        noteResolved: 'Ghi chú đã xử lý',
        noteReopened: 'Ghi chú mở lại',
        onFailToToggleNote: 'Không đổi được trạng thái ghi chú: %{details}',
      },
    },
    workflow: {
      workflow: { workflowHeading: 'Duyệt bài', newPost: 'Bài mới' },
      workflowList: {
        onPublishingNotReadyEntry:
          'Chỉ bài ở cột "Sẵn sàng" mới công bố được. Hãy kéo bài sang cột "Sẵn sàng" trước.',
        onPublishEntry: 'Bạn có chắc muốn công bố bài này?',
        draftHeader: 'Bản nháp',
        inReviewHeader: 'Đang xét duyệt',
      },
    },
  };

  function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  }

  function merge(base, extra) {
    var out = {};
    var key;
    for (key in base) {
      if (Object.prototype.hasOwnProperty.call(base, key)) {
        out[key] = base[key];
      }
    }
    for (key in extra) {
      if (Object.prototype.hasOwnProperty.call(extra, key)) {
        out[key] = isObject(extra[key]) && isObject(out[key]) ? merge(out[key], extra[key]) : extra[key];
      }
    }
    return out;
  }

  if (typeof CMS.registerLocale === 'function') {
    var own = typeof CMS.getLocale === 'function' ? CMS.getLocale('vi') : null;
    CMS.registerLocale('vi', merge(own || {}, VI));
  }

  // Immutable.js collections, as Decap keeps an entry's data.
  function isCollection(value) {
    return value !== null && typeof value === 'object' && typeof value.toJS === 'function';
  }

  function isEmpty(value) {
    return (
      value === undefined ||
      value === null ||
      (typeof value === 'string' && value.trim() === '') ||
      (isCollection(value) && value.size === 0)
    );
  }

  // NFC everywhere; empty texts, lists and groups left out (a list keeps its non-empty items).
  function clean(value) {
    if (typeof value === 'string') {
      return value.normalize('NFC');
    }
    if (isCollection(value) && typeof value.map === 'function') {
      return value
        .map(clean)
        .filter(function (item) {
          return !isEmpty(item);
        });
    }
    return value;
  }

  CMS.registerEventListener({
    name: 'preSave',
    handler: function (event) {
      return clean(event.entry.get('data'));
    },
  });
})();
